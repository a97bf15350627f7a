import { pino, type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

/** Paths never written to logs, whatever logs them. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["sec-websocket-protocol"]',
  'headers.authorization',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.jwtSecret',
  'password',
  'token',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        // Query strings may carry tokens (realtime, previews): log the path only.
        url: req.url.split('?')[0],
      }),
    },
  };
}

/**
 * JSON lines (for collectors) — or, `pretty`, one readable line per entry: time, level,
 * message, and the remaining fields inline (LOG_FORMAT; by default on a terminal).
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  if (!options.pretty) return pino(loggerOptions(level));
  return pino(
    loggerOptions(level),
    pretty({
      colorize: true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      // The request line says it all (see `logRequests`); pid and host are the same on every line.
      ignore: 'pid,hostname,reqId,req,res,responseTime',
      sync: true,
    }),
  );
}

export type { Logger };
