/**
 * The process's one way out: on SIGINT/SIGTERM, an uncaught error, or a fatal condition the
 * application reports, `work` runs once within the budget, then the process exits — 0 after a
 * signal, 1 after an error or an overrun.
 */
import type { Logger } from './logger.js';

/** A repeat of the signal this soon is the same request delivered twice (see below). */
const DUPLICATE_SIGNAL_MS = 2_000;

export type ShutdownReason = { signal: NodeJS.Signals } | { error: Error };

export function handleShutdown(options: {
  logger: Logger;
  budgetMs: number;
  work: (reason: ShutdownReason) => Promise<void>;
}): (error: Error) => void {
  const { logger } = options;
  let startedAt: number | undefined;

  const exitWith = (code: number) => {
    // Flush the last log lines before the process goes.
    logger.flush();
    process.exit(code);
  };

  const begin = (reason: ShutdownReason) => {
    if (startedAt !== undefined) {
      // Ctrl+C under `npm start` arrives twice: from the terminal and forwarded by npm.
      if ('signal' in reason && performance.now() - startedAt < DUPLICATE_SIGNAL_MS) return;
      logger.warn(reason, 'shutting down again: exiting now');
      exitWith(1);
      return;
    }
    startedAt = performance.now();
    if ('error' in reason) logger.error({ err: reason.error }, 'shutting down after an error');
    else logger.info(reason, 'shutting down');
    const overrun = setTimeout(() => {
      logger.error({ budgetMs: options.budgetMs }, 'shutdown did not finish in time: exiting');
      exitWith(1);
    }, options.budgetMs);
    options.work(reason).then(
      () => {
        clearTimeout(overrun);
        logger.info({ shutdownMs: Math.round(performance.now() - startedAt!) }, 'stopped');
        exitWith('error' in reason ? 1 : 0);
      },
      (error: unknown) => {
        clearTimeout(overrun);
        logger.error({ err: error }, 'shutdown failed');
        exitWith(1);
      },
    );
  };

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => begin({ signal }));
  }
  process.on('uncaughtException', (error) => begin({ error }));
  process.on('unhandledRejection', (error) =>
    begin({ error: error instanceof Error ? error : new Error(String(error)) }),
  );
  return (error) => begin({ error });
}
