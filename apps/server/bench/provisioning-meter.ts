/**
 * Cost meter for the provisioning benchmark: SQL round trips (every `pg.Client#query` of this
 * process — API, worker, realtime, queue) and CPU time, in Node (`process.cpuUsage`) and in the
 * PostgreSQL backends connected to the bench database (`/proc/<pid>/stat`, when the server runs
 * on this machine), and in another process of the bench's (its outside world). `--queries` also
 * prints the most frequent statements.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Snapshot {
  queries: number;
  nodeMs: number;
  pgMs: number | null;
  /** CPU of another process of the bench's (its outside world). */
  otherMs: number | null;
}

/** CPU ms (user + system) a process has used so far; null when /proc cannot tell. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return null;
  }
}

export function createMeter(options: { byStatement: boolean }) {
  let queries = 0;
  const statements = new Map<string, { count: number; syncMs: number; bytes: number }>();
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    queries++;
    if (!options.byStatement) return original.apply(this, args);
    const first = args[0] as string | { text?: string; values?: unknown[] } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '?');
    const values = typeof first === 'string' ? args[1] : first?.values;
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 110);
    const entry = statements.get(key) ?? { count: 0, syncMs: 0, bytes: 0 };
    statements.set(key, entry);
    entry.count++;
    entry.bytes += text.length + (values ? JSON.stringify(values).length : 0);
    const started = performance.now();
    const result = original.apply(this, args);
    entry.syncMs += performance.now() - started;
    return result;
  };

  /** CPU ms of the backends of `database` (null when /proc is not readable for them). */
  async function backendCpuMs(pool: pg.Pool, database: string): Promise<number | null> {
    const { rows } = await pool.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [database],
    );
    let ms = 0;
    for (const { pid } of rows) {
      const used = processCpuMs(pid);
      if (used === null) return null;
      ms += used;
    }
    return ms;
  }

  return {
    async snapshot(pool: pg.Pool, database: string, otherPid?: number): Promise<Snapshot> {
      const cpu = process.cpuUsage();
      const pgMs = await backendCpuMs(pool, database);
      const otherMs = otherPid === undefined ? null : processCpuMs(otherPid);
      return { queries, nodeMs: (cpu.user + cpu.system) / 1000, pgMs, otherMs };
    },
    resetStatements: () => statements.clear(),
    topStatements: (limit: number) =>
      [...statements.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, limit),
    restore: () => {
      proto.query = original;
    },
  };
}

export type Meter = ReturnType<typeof createMeter>;
export type MeterSnapshot = Snapshot;
