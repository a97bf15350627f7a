/**
 * Durable jobs on graphile-worker (PostgreSQL, LISTEN/NOTIFY + SKIP LOCKED). Glue only: the
 * task handlers come from the modules, this file knows nothing about them.
 *
 * - `enqueueJob(tx, …)` adds a job inside the caller's transaction (transactional outbox): the
 *   job exists if and only if the change that needs it commits. `jobKey` dedupes.
 * - `startQueue(…)` runs a worker pool in this process.
 * - Crash recovery: graphile-worker only releases jobs of a dead worker after 4 hours. Each
 *   pool here holds a session advisory lock named after its pool id (released by PostgreSQL
 *   the moment the process dies); a periodic sweep (every 0.5 s) unlocks jobs whose owner's lock
 *   is free and wakes the workers, so a SIGKILLed process's jobs resume within 1–2 seconds.
 */
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import {
  Logger as WorkerLogger,
  run,
  runMigrations,
  type Runner,
  type TaskList,
  type WorkerEvents,
} from 'graphile-worker';
import type { Executor } from './database/index.js';
import type { Logger } from './logger.js';

/** Namespace (first key) of the per-pool lease advisory locks. */
const LEASE_LOCK_NS = 3_601_362;
/** Serialises graphile-worker's schema migrations across instances booting at once. */
const QUEUE_MIGRATION_LOCK_ID = 3_601_363;

export interface JobContext {
  jobId: string;
  /** The worker pool that holds the job (graphile-worker's `locked_by`), to fence effects. */
  lockedBy: string | null;
  /** 1 on the first run of this job row; graphile-worker counts every fetch. */
  attempt: number;
  /** Aborted 5 s into a graceful shutdown, or when the worker lost its lease: stop and throw. */
  signal: AbortSignal;
  /**
   * Aborted as soon as the worker stops (or loses its lease): work not started yet should be
   * given back (throw) instead of begun — another instance takes it.
   */
  stopping: AbortSignal;
}

export type JobHandler = (payload: unknown, job: JobContext) => Promise<void>;

export interface JobSpec {
  task: string;
  payload: Record<string, unknown>;
  /** At most one pending job per key; re-adding replaces a pending job with the same key. */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/** Adds jobs inside the caller's transaction (one statement); they become visible when it commits. */
export async function enqueueJobs(db: Executor, specs: JobSpec[]) {
  if (!specs.length) return;
  const rows = JSON.stringify(
    specs.map((spec) => ({
      task: spec.task,
      payload: spec.payload,
      runAt: spec.runAt?.toISOString() ?? null,
      maxAttempts: spec.maxAttempts ?? 25,
      jobKey: spec.jobKey ?? null,
    })),
  );
  await db.execute(sql`select 1 from graphile_worker.add_jobs(array(
    select row(j->>'task', j->'payload', null, (j->>'runAt')::timestamptz,
               (j->>'maxAttempts')::smallint, j->>'jobKey', null, null)::graphile_worker.job_spec
    from jsonb_array_elements(${rows}::jsonb) as j))`);
}

/** Adds a job inside the caller's transaction; it becomes visible when that commits. */
export const enqueueJob = (db: Executor, spec: JobSpec) => enqueueJobs(db, [spec]);

/** Waits inside a job; throws when the job is aborted (shutdown) so the job is retried later. */
export function waitInJob(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('job aborted'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('job aborted'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function workerLogger(logger: Logger) {
  // graphile-worker logs each job at info; that is debug noise for us.
  return new WorkerLogger(() => (level, message, meta) => {
    // A job given back on shutdown or after a lost lease is routine, not an error.
    const cause = (meta as { error?: { message?: string } } | undefined)?.error?.message;
    if (cause === 'job aborted' || cause?.startsWith('queue lease lost')) {
      logger.debug(meta ?? {}, `queue: ${message}`);
    } else if (level === 'error') logger.error(meta ?? {}, `queue: ${message}`);
    else if (level === 'warning') logger.warn(meta ?? {}, `queue: ${message}`);
    else logger.debug(meta ?? {}, `queue: ${message}`);
  });
}

/** Creates or upgrades graphile-worker's schema (idempotent, safe with concurrent boots). */
export async function migrateQueue(options: { url: string; logger: Logger }) {
  const lock = new pg.Client({ connectionString: options.url });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [QUEUE_MIGRATION_LOCK_ID]);
    await runMigrations({ connectionString: options.url, logger: workerLogger(options.logger) });
  } finally {
    await lock.end().catch(() => {});
  }
}

export interface Queue {
  /** Stops fetching, waits for running jobs (they see `signal` aborted), releases the lease. */
  stop(): Promise<void>;
  /** Runs one stale-lock sweep now; returns the number of jobs released. */
  sweep(): Promise<number>;
  /** How many times the runner was replaced (lease lost, runner stopped by itself). */
  readonly restarts: number;
  /** Test support: stops the current runner the way a fatal error inside it would. */
  killRunnerForTesting(): Promise<void>;
}

/** One runner with its lease: replaced as a whole when either fails. */
interface Generation {
  runner: Runner;
  lease: pg.Client;
  poolIds: string[];
  /** Aborted when this generation retires: its jobs stop waiting and act no more. */
  retire: AbortController;
  retired: boolean;
}

const RESTART_MIN_MS = 250;
const RESTART_MAX_MS = 5_000;
/** A retiring runner's jobs get this long to finish before the new runner starts anyway. */
const RETIRE_TIMEOUT_MS = 10_000;

/** Thrown by a job that finished after its worker lost the lease: nothing is recorded. */
export class LeaseLostError extends Error {
  constructor() {
    super('queue lease lost: the job is not completed by this worker');
  }
}

export async function startQueue(options: {
  url: string;
  logger: Logger;
  tasks: Record<string, JobHandler>;
  concurrency: number;
  pollIntervalMs: number;
  /** How often dead workers' jobs are looked for. */
  sweepIntervalMs?: number;
  applicationName?: string;
}): Promise<Queue> {
  const { logger } = options;
  const applicationName = options.applicationName ?? 'orbit360-queue';
  const pgPool = new pg.Pool({
    connectionString: options.url,
    // Jobs use this pool only to be fetched (in batches, below) and completed: connections
    // are opened on demand and few are busy at once, however high the concurrency.
    max: options.concurrency + 2,
    application_name: applicationName,
  });
  const onConnectionError = (err: Error) =>
    logger.warn({ message: err.message }, 'queue connection failed');
  pgPool.on('error', onConnectionError);
  pgPool.on('connect', (client) => client.on('error', onConnectionError));

  /** Aborted at once by stop(): jobs waiting for something give up and go back to the queue. */
  const stopping = new AbortController();
  let current: Generation | undefined;
  let replacing: Promise<void> | undefined;
  let restarts = 0;

  async function startGeneration(): Promise<Generation> {
    const lease = new pg.Client({
      connectionString: options.url,
      application_name: `${applicationName}-lease`,
    });
    const retire = new AbortController();
    const poolIds: string[] = [];
    // Filled in below once the runner is up; the handlers and listeners only read it later.
    const generation = { lease, poolIds, retire, retired: false } as Generation;
    // The lease connection dropping means another instance may declare this pool dead and run
    // its jobs: this generation stops acting at once (ADR 050).
    lease.on('error', (err) => void replace(generation, `queue lease lost (${err.message})`));
    await lease.connect();
    const events = new EventEmitter() as WorkerEvents;
    events.on('pool:create', ({ workerPool }) => {
      poolIds.push(workerPool.id);
      lease
        .query('select pg_advisory_lock($1, hashtext($2))', [LEASE_LOCK_NS, workerPool.id])
        .catch((err: Error) => logger.warn({ message: err.message }, 'queue lease failed'));
    });
    const taskList: TaskList = {};
    for (const [name, handler] of Object.entries(options.tasks)) {
      taskList[name] = async (payload, helpers) => {
        await handler(payload, {
          jobId: helpers.job.id,
          lockedBy: helpers.job.locked_by,
          attempt: helpers.job.attempts,
          signal: AbortSignal.any([helpers.abortSignal, retire.signal]),
          stopping: AbortSignal.any([helpers.abortSignal, retire.signal, stopping.signal]),
        });
        // Fencing: a worker that lost its lease does not complete the job (another instance
        // may own it now); the failure it reports instead only counts while it still holds it.
        if (generation.retired && !stopping.signal.aborted) throw new LeaseLostError();
      };
    }
    let runner: Runner;
    try {
      runner = await run({
        pgPool,
        taskList,
        concurrency: options.concurrency,
        pollInterval: options.pollIntervalMs,
        noHandleSignals: true,
        logger: workerLogger(logger),
        events,
        // Jobs are fetched (and locked) in batches for the pool's workers, and jobs finishing
        // in the same tick are marked complete (or failed) in one statement. Batched failing
        // also retries a failed statement: unbatched, graphile-worker 0.17 leaves the promise
        // of a failJob whose connection dropped unhandled, which killed the process.
        preset: {
          worker: {
            completeJobBatchDelay: 0,
            failJobBatchDelay: 0,
            localQueue: { size: options.concurrency },
          },
        },
      });
    } catch (error) {
      await lease.end().catch(() => {});
      throw error;
    }
    generation.runner = runner;
    // Supervision: a runner that stops by itself (e.g. it could not complete jobs through a
    // long outage) is noticed and replaced — never a live process without a worker.
    runner.promise.then(
      () => void replace(generation, 'queue runner stopped by itself'),
      (err: Error) => void replace(generation, `queue runner failed (${err.message})`),
    );
    return generation;
  }

  /** Retires `gen` (if still current) and starts a new runner, retrying until it starts. */
  function replace(gen: Generation, reason: string) {
    if (!gen.runner || gen.retired || gen !== current || stopping.signal.aborted) return replacing;
    gen.retired = true;
    gen.retire.abort();
    logger.error({ reason }, 'queue worker stopped acting on its jobs; restarting it');
    replacing = (async () => {
      await retireGeneration(gen);
      for (let delay = RESTART_MIN_MS; !stopping.signal.aborted;) {
        await new Promise((r) => setTimeout(r, delay));
        if (stopping.signal.aborted) return;
        try {
          current = await startGeneration();
          restarts++;
          logger.warn({ restarts }, 'queue worker restarted');
          return;
        } catch (err) {
          logger.warn({ message: (err as Error).message }, 'queue worker restart failed; retrying');
          delay = Math.min(delay * 2, RESTART_MAX_MS);
        }
      }
    })();
    return replacing;
  }

  async function retireGeneration(gen: Generation) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      gen.runner.stop().catch(() => {}),
      new Promise((r) => (timer = setTimeout(r, RETIRE_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    await gen.lease.end().catch(() => {});
  }

  try {
    current = await startGeneration();
  } catch (error) {
    await pgPool.end().catch(() => {});
    throw error;
  }

  const sweep = () =>
    releaseDeadWorkersJobs({ pool: pgPool, ownIds: current?.poolIds ?? [], logger });
  const sweepEvery = options.sweepIntervalMs ?? 500;
  let sweeping: Promise<unknown> = sweep().catch(() => 0);
  const timer = setInterval(() => {
    sweeping = sweep().catch((err: Error) =>
      logger.warn({ message: err.message }, 'queue sweep failed'),
    );
  }, sweepEvery);
  timer.unref();

  return {
    sweep,
    get restarts() {
      return restarts;
    },
    async killRunnerForTesting() {
      await current?.runner.kill();
    },
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await sweeping;
      await replacing;
      const gen = current;
      if (gen && !gen.retired) {
        gen.retired = true;
        await gen.runner.stop();
        await gen.lease.end().catch(() => {});
      }
      await pgPool.end().catch(() => {});
    },
  };
}

/**
 * Releases jobs locked by worker pools whose lease lock nobody holds (their process died). The
 * grace period covers a pool that has locked a job before its lease query ran.
 */
async function releaseDeadWorkersJobs(options: {
  pool: pg.Pool;
  ownIds: string[];
  logger: Logger;
  graceSeconds?: number;
}): Promise<number> {
  const { rows } = await options.pool.query<{ locked_by: string }>(
    `select distinct locked_by from graphile_worker.jobs
     where locked_by is not null and locked_at < now() - make_interval(secs => $1)`,
    [options.graceSeconds ?? 1],
  );
  const candidates = rows.map((r) => r.locked_by).filter((id) => !options.ownIds.includes(id));
  if (!candidates.length) return 0;
  const client = await options.pool.connect();
  let released = 0;
  try {
    for (const id of candidates) {
      const { rows: probe } = await client.query<{ free: boolean }>(
        'select pg_try_advisory_lock($1, hashtext($2)) as free',
        [LEASE_LOCK_NS, id],
      );
      if (!probe[0]?.free) continue;
      try {
        const result = await client.query(
          `with released as (
             update graphile_worker._private_jobs set locked_at = null, locked_by = null
             where locked_by = $1 returning 1)
           select count(*)::int as n from released`,
          [id],
        );
        await client.query(
          'update graphile_worker._private_job_queues set locked_at = null, locked_by = null where locked_by = $1',
          [id],
        );
        const n = (result.rows[0] as { n: number }).n;
        released += n;
        if (n) options.logger.warn({ workerPool: id, jobs: n }, 'released jobs of a dead worker');
      } finally {
        await client.query('select pg_advisory_unlock($1, hashtext($2))', [LEASE_LOCK_NS, id]);
      }
    }
    // Wake idle workers (graphile-worker's own insert notification) instead of waiting a poll.
    if (released) {
      await client.query(`select pg_notify('jobs:insert', $1)`, [
        JSON.stringify({ r: Math.random(), count: released }),
      ]);
    }
  } finally {
    client.release();
  }
  return released;
}
