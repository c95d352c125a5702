import { describe, expect, it } from 'vitest';
import { Admission, admissionFromEnv, withAdmission } from './admission';

const request = (forwardedFor?: string) =>
  new Request('http://localhost/api/check', {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

async function refusal(ticket: ReturnType<Admission['admit']>) {
  if (ticket.ok) throw new Error('expected a refusal');
  return {
    status: ticket.response.status,
    retryAfter: ticket.response.headers.get('retry-after'),
    body: (await ticket.response.json()) as { error: { code: string; message: string } },
  };
}

describe('Admission', () => {
  it('refuses work past the concurrency cap as busy, without spending a token', async () => {
    const admission = new Admission({
      maxConcurrent: 1,
      perMinute: 60,
      burst: 2,
      trustedProxies: 0,
    });
    const first = admission.admit(request());
    expect(first.ok).toBe(true);
    expect(await refusal(admission.admit(request()))).toEqual({
      status: 429,
      retryAfter: '5',
      body: {
        error: { code: 'busy', message: expect.stringMatching(/^1 diagnoses are already running/) },
      },
    });
    if (!first.ok) return;
    first.release();
    first.release(); // a second release does not free a slot twice
    expect(admission.inFlight).toBe(0);
    // The busy refusal took no token: the second of the burst of two is still there.
    const second = admission.admit(request());
    expect(second.ok).toBe(true);
    if (second.ok) second.release();
    expect((await refusal(admission.admit(request()))).body.error.code).toBe('rate-limited');
  });

  it('refuses a client past its budget as rate-limited, with the wait in Retry-After', async () => {
    let now = 0;
    const admission = new Admission(
      { maxConcurrent: 10, perMinute: 6, burst: 2, trustedProxies: 0 },
      () => now,
    );
    for (let i = 0; i < 2; i++) {
      const ticket = admission.admit(request());
      expect(ticket.ok).toBe(true);
      if (ticket.ok) ticket.release();
    }
    const refused = await refusal(admission.admit(request()));
    expect(refused).toMatchObject({
      status: 429,
      retryAfter: '10',
      body: { error: { code: 'rate-limited' } },
    });
    expect(refused.body.error.message).toMatch(/more than 6 diagnoses a minute/);
    // A refused request holds no slot, and another client has its own budget.
    expect(admission.inFlight).toBe(0);
    expect(admission.admit(request('198.51.100.7')).ok).toBe(true);
    now += 10_000;
    expect(admission.admit(request()).ok).toBe(true);
  });
});

describe('withAdmission', () => {
  it('holds the slot until the background work settles, and frees it when none started or start threw', async () => {
    const admission = new Admission({
      maxConcurrent: 1,
      perMinute: 600,
      burst: 100,
      trustedProxies: 0,
    });
    let finish!: () => void;
    const background = new Promise<void>((resolve) => (finish = resolve));
    const started = await withAdmission(
      request(),
      async () => 'run-1',
      () => background,
      admission,
    );
    expect(started).toEqual({ ok: true, value: 'run-1' });
    expect(admission.inFlight).toBe(1);
    const refused = await withAdmission(
      request(),
      async () => 'run-2',
      () => null,
      admission,
    );
    expect(refused.ok).toBe(false);
    finish();
    await background;
    await Promise.resolve();
    expect(admission.inFlight).toBe(0);

    expect(
      await withAdmission(
        request(),
        async () => 'nothing',
        () => null,
        admission,
      ),
    ).toEqual({ ok: true, value: 'nothing' });
    expect(admission.inFlight).toBe(0);
    await expect(
      withAdmission(
        request(),
        () => Promise.reject(new Error('store down')),
        () => null,
        admission,
      ),
    ).rejects.toThrow('store down');
    expect(admission.inFlight).toBe(0);
  });
});

describe('admissionFromEnv', () => {
  it('has defaults, reads overrides, and ignores values that are not positive integers', () => {
    expect(admissionFromEnv({})).toEqual({
      maxConcurrent: 16,
      perMinute: 60,
      burst: 20,
      trustedProxies: 0,
    });
    expect(
      admissionFromEnv({
        MCP_DOCTOR_MAX_CONCURRENT: '64',
        MCP_DOCTOR_RATE_PER_MINUTE: '600',
        MCP_DOCTOR_RATE_BURST: '100',
        MCP_DOCTOR_TRUST_PROXY: '1',
      }),
    ).toEqual({ maxConcurrent: 64, perMinute: 600, burst: 100, trustedProxies: 1 });
    expect(
      admissionFromEnv({ MCP_DOCTOR_MAX_CONCURRENT: '0', MCP_DOCTOR_RATE_BURST: 'lots' }),
    ).toMatchObject({
      maxConcurrent: 16,
      burst: 20,
    });
  });
});
