import { describe, expect, it } from 'vitest';
import { CLIENT_IDS, CLIENT_PROFILES } from '@/lib/clients';

describe('CLIENT_IDS', () => {
  it('names every profile, in the order reports list them', () => {
    expect(CLIENT_PROFILES.map((p) => p.id)).toEqual([...CLIENT_IDS]);
  });
});
