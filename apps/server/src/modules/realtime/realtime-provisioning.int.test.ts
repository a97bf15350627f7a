/**
 * The realtime stream of a real provisioning (HTTP activation, job worker, six steps).
 */
import type { AnyRealtimeEvent } from '@orbit360/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { merchantToken } from '../../../test/helpers.js';
import { setupProvisioningTest } from '../../../test/support/provisioning-harness.js';
import { connectTestSocket, type TestSocket } from '../../../test/support/ws-test-client.js';

const seqs = (events: AnyRealtimeEvent[]) => events.map((e) => e.seq);
const of = (merchantId: string) => (e: AnyRealtimeEvent) =>
  (e.data as { merchantId?: string }).merchantId === merchantId;
const completed = (merchantId: string) => (s: TestSocket) =>
  s.events.some((e) => e.type === 'provisioning.completed' && of(merchantId)(e));

describe('realtime: provisioning progress', () => {
  // The data step of "Slow…" stores waits, so a client can drop in the middle of it.
  const h = setupProvisioningTest({ faults: 'data:delay:400@Slow' });
  let baseUrl: string;

  beforeAll(() => {
    baseUrl = `http://127.0.0.1:${h.t.ctx.config.http.port}`;
  });

  it('an admin watches a provisioning live, in order, ending at 100; the merchant sees only its own', async () => {
    const admin = await connectTestSocket(baseUrl, { token: await h.t.adminToken() });
    await admin.waitFor((s) => s.frames.some((f) => f.type === 'ready'));
    const merchant = await h.signup('Live Progress');
    expect((await h.activate(merchant.id)).statusCode).toBe(202);
    await admin.waitFor(completed(merchant.id), 15_000);

    const mine = admin.events.filter(of(merchant.id));
    const order = seqs(mine);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(mine[0]!.type).toBe('merchant.signed_up');
    const progress = mine.flatMap((e) =>
      e.type === 'provisioning.step_completed' ? [e.data.progress] : [],
    );
    expect(progress).toEqual([25, 40, 60, 80, 95, 100]);
    expect(mine.findIndex((e) => e.type === 'provisioning.completed')).toBeGreaterThan(
      mine.findIndex((e) => e.type === 'provisioning.step_completed' && e.data.progress === 100),
    );

    // The merchant's own session replays only its tenant's events.
    const { storeId } = await h.status(merchant.id);
    const token = await merchantToken(h.t.ctx, {
      merchantId: merchant.id,
      tenantId: storeId!,
      role: 'owner',
    });
    const own = await connectTestSocket(baseUrl, { token, since: order[0]! - 1 });
    await own.waitFor((s) => s.frames.some((f) => f.type === 'ready'));
    expect(own.events.length).toBeGreaterThan(0);
    expect(own.events.every((e) => e.tenantId === storeId)).toBe(true);
    expect(own.events.some((e) => e.type === 'provisioning.completed')).toBe(true);
    await Promise.all([admin.close(), own.close()]);
  });

  it('a client dropped in the middle of a provisioning resumes with no gap and no duplicate', async () => {
    const token = await h.t.adminToken();
    const first = await connectTestSocket(baseUrl, { token });
    await first.waitFor((s) => s.frames.some((f) => f.type === 'ready'));
    const merchant = await h.signup('Slow Resume Store');
    expect((await h.activate(merchant.id)).statusCode).toBe(202);
    await first.waitFor(
      (s) =>
        s.events.some(
          (e) =>
            e.type === 'provisioning.step_started' && e.data.step === 'data' && of(merchant.id)(e),
        ),
      15_000,
    );
    first.ws.terminate();
    await first.closed;
    const seen = seqs(first.events);

    const second = await connectTestSocket(baseUrl, { token, since: seen.at(-1) });
    await second.waitFor(completed(merchant.id), 15_000);
    const all = [...seen, ...seqs(second.events)];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    // Exactly what the log holds over that span (an admin may see every event).
    const { rows } = await h.t.ctx.pool.query<{ seq: string }>(
      'select seq from events where seq between $1 and $2 order by seq',
      [all[0], all.at(-1)],
    );
    expect(all).toEqual(rows.map((r) => Number(r.seq)));
    // The drop really was mid-way: the rest of the steps came on the second connection.
    const rest = second.events.filter(of(merchant.id));
    expect(
      rest.some((e) => e.type === 'provisioning.step_completed' && e.data.step === 'data'),
    ).toBe(true);
    await second.close();
  });
});
