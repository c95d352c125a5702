import { describe, expect, it } from 'vitest';
import { closest } from './closest';

describe('closest', () => {
  it.each([
    [
      'ui://widget/dashboard.html',
      ['ui://widget/dashboard-v2.html'],
      'ui://widget/dashboard-v2.html',
    ],
    [
      'ui://widget/board.html',
      ['ui://widget/bord.html', 'ui://widget/boards.html', 'ui://other/x.html'],
      'ui://widget/bord.html',
    ],
    ['ui://widget/board.html', ['ui://widget/totally-different-name.html'], null],
    ['ui://widget/board.html', ['ui://widget/board.html'], null],
    ['ui://widget/board.html', [], null],
  ])('%s among %j → %s', (wanted, candidates, expected) => {
    expect(closest(wanted, candidates)).toBe(expected);
  });
});
