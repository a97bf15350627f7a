import { describe, expect, it } from 'vitest';
import { decideActivations, type ExistingRun } from './decide-activations.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const run = (over: Partial<ExistingRun> = {}): ExistingRun => ({
  id: 'run-1',
  status: 'running',
  idempotencyKey: null,
  requestHash: 'h1',
  ...over,
});
const decide = (over: Partial<Parameters<typeof decideActivations>[0]> = {}) =>
  decideActivations({
    requests: [{ merchantId: A }],
    merchantStatus: new Map([[A, 'pending']]),
    existingRuns: new Map(),
    requestHash: 'h1',
    slugIsTaken: false,
    ...over,
  });

describe('decideActivations', () => {
  it('creates a run for a pending merchant, once per merchant of a bulk request', () => {
    expect(decide({ requests: [{ merchantId: A }, { merchantId: A }] })).toEqual([
      'create',
      { statusCode: 200, provisioningId: '', runStatus: 'queued' },
    ]);
  });

  it('answers an existing run: 200, or 202 when the same key replays the same request', () => {
    expect(decide({ existingRuns: new Map([[A, run()]]) })).toEqual([
      { statusCode: 200, provisioningId: 'run-1', runStatus: 'running' },
    ]);
    const keyed = new Map([[A, run({ idempotencyKey: 'k' })]]);
    expect(
      decide({ existingRuns: keyed, requests: [{ merchantId: A, idempotencyKey: 'k' }] }),
    ).toEqual([{ statusCode: 202, provisioningId: 'run-1', runStatus: 'running' }]);
    const [other] = decide({
      existingRuns: keyed,
      requests: [{ merchantId: A, idempotencyKey: 'k' }],
      requestHash: 'h2',
    });
    expect(other).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('refuses unknown, suspended and non-pending merchants, and a taken slug', () => {
    const statuses = new Map([
      [A, 'suspended' as const],
      [B, 'active' as const],
    ]);
    const [unknown, suspended, active] = decide({
      requests: [{ merchantId: 'x' }, { merchantId: A }, { merchantId: B }],
      merchantStatus: statuses,
    });
    expect(unknown).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(suspended).toMatchObject({ error: { message: expect.stringContaining('suspended') } });
    expect(active).toMatchObject({ error: { message: expect.stringContaining('status: active') } });
    const [taken] = decide({ slugIsTaken: true });
    expect(taken).toMatchObject({
      error: { code: 'CONFLICT', details: { fields: [{ field: 'body.settings.slug' }] } },
    });
  });
});
