import { describe, expect, it } from 'vitest';
import { runCheck } from '../define';
import { initializedWith, noSession, transcript } from '../testing';
import check from './capability';

const info = { protocolVersion: '2025-06-18', serverInfo: { name: 'example', version: '1.0.0' } };

describe('tools.capability', () => {
  it.each([
    {
      name: 'passes when capabilities.tools is declared',
      t: transcript(),
      expected: {
        status: 'pass',
        code: null,
        message: 'capabilities.tools is declared',
        evidence: [],
      },
    },
    {
      name: 'passes and says so when the server announces list changes',
      t: transcript(initializedWith({ ...info, capabilities: { tools: { listChanged: true } } })),
      expected: {
        status: 'pass',
        message: 'capabilities.tools is declared with listChanged: true',
      },
    },
    {
      name: 'fails when capabilities has no tools entry, naming what it declares',
      t: transcript(initializedWith({ ...info, capabilities: { resources: {}, prompts: {} } })),
      expected: {
        status: 'fail',
        code: 'missing-tools-capability',
        severity: 'error',
        message:
          'capabilities has no tools entry: it declares resources, prompts (yet tools/list returned 1 tool).',
        evidence: ['x1'],
      },
    },
    {
      name: 'fails when capabilities is empty and no tool was listed',
      t: transcript({ ...initializedWith({ ...info, capabilities: {} }), tools: [] }),
      expected: {
        status: 'fail',
        code: 'missing-tools-capability',
        message: 'capabilities has no tools entry: capabilities is empty.',
      },
    },
    {
      name: 'fails when there is no capabilities object at all',
      t: transcript(initializedWith(info)),
      expected: { status: 'fail', code: 'no-capabilities', evidence: ['x1'] },
    },
    {
      name: 'fails when capabilities.tools is not an object',
      t: transcript(initializedWith({ ...info, capabilities: { tools: true } })),
      expected: {
        status: 'fail',
        code: 'invalid-tools-capability',
        message:
          'capabilities.tools is a boolean (true), not an object (yet tools/list returned 1 tool).',
      },
    },
    {
      name: 'is skipped without an initialize result',
      t: noSession(null),
      expected: {
        status: 'skipped',
        code: null,
        skip: { cause: 'blocked', owner: 'connection.initialize' },
      },
    },
  ])('$name', ({ t, expected }) => {
    expect(runCheck(check, t)).toMatchObject(expected);
  });
});
