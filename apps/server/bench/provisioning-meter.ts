/**
 * Cost meter for the provisioning benchmark: SQL round trips (every `pg.Client#query` of this
 * process — API, worker, realtime, queue) and CPU time, in Node (`process.cpuUsage`) and in the
 * PostgreSQL backends connected to the bench database (`/proc/<pid>/stat`, when the server runs
 * on this machine). `--queries` also prints the most frequent statements.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Snapshot {
  queries: number;
  nodeMs: number;
  pgMs: number | null;
}

export function createMeter(options: { byStatement: boolean }) {
  let queries = 0;
  const statements = new Map<string, number>();
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    queries++;
    if (options.byStatement) {
      const first = args[0] as string | { text?: string } | undefined;
      const text = typeof first === 'string' ? first : (first?.text ?? '?');
      const key = text.replace(/\s+/g, ' ').trim().slice(0, 110);
      statements.set(key, (statements.get(key) ?? 0) + 1);
    }
    return original.apply(this, args);
  };

  /** CPU ms of the backends of `database` (null when /proc is not readable for them). */
  async function backendCpuMs(pool: pg.Pool, database: string): Promise<number | null> {
    const { rows } = await pool.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [database],
    );
    let ticks = 0;
    for (const { pid } of rows) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
      } catch {
        return null;
      }
    }
    return (ticks * 1000) / TICKS_PER_SECOND;
  }

  return {
    async snapshot(pool: pg.Pool, database: string): Promise<Snapshot> {
      const cpu = process.cpuUsage();
      const pgMs = await backendCpuMs(pool, database);
      return { queries, nodeMs: (cpu.user + cpu.system) / 1000, pgMs };
    },
    resetStatements: () => statements.clear(),
    topStatements: (limit: number) =>
      [...statements.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit),
    restore: () => {
      proto.query = original;
    },
  };
}

export type Meter = ReturnType<typeof createMeter>;
export type MeterSnapshot = Snapshot;
