/**
 * The one place that reads `process.env`. Everything else receives a typed `Config`.
 * A bad value stops start-up with a message naming every offending variable.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Reverse proxies in front of the server whose X-Forwarded-For is trusted (client IPs). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  PORT: port.default(5000),
  ADMIN_PORT: port.default(3001),
  DASHBOARD_PORT: port.default(3003),
  /** How long a client may take to send headers, a whole request; idle and keep-alive sockets. */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  /** The owner's URL, for migrations (ADR 007); development falls back to DATABASE_URL. */
  MIGRATION_DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  /** How long a request may wait for a database connection, a statement, an idle transaction. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(3_600_000)
    .default(60_000),
  /** Stores answer at `<slug>.<PLATFORM_DOMAIN>`; default `localhost:<PORT>`. */
  PLATFORM_DOMAIN: optionalString.pipe(
    z
      .string()
      .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name, optionally with :port')
      .optional(),
  ),
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  ADMIN_EMAIL: z.email().default('admin@orbit360.local'),
  ADMIN_PASSWORD: optionalString.pipe(
    z.string().min(12, 'must be at least 12 characters').optional(),
  ),
  JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  MAIL_FROM: z.string().min(3).default('Orbit360 <no-reply@orbit360.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: one readable line per entry; `json`: JSON lines. Default: pretty on a terminal. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  PROVISIONING_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(1000),
  PROVISIONING_SELF_CHECK_URL: optionalString.pipe(z.url().optional()),
  /** Test/e2e fault injection, e.g. `website:fail:3@Faulty,data:delay:500` (see provisioning). */
  PROVISIONING_FAULTS: optionalString.pipe(
    z
      .string()
      .regex(
        /^[a-z]+:(fail|delay|crash)(:\d+)?(@[^,]+)?(,[a-z]+:(fail|delay|crash)(:\d+)?(@[^,]+)?)*$/,
        'must be a list like website:fail:3@StoreName,data:delay:500',
      )
      .optional(),
  ),
  /** Names this instance's database connections (`orbit360-queue-<name>`), for operators. */
  INSTANCE_NAME: optionalString.pipe(
    z
      .string()
      .regex(/^[a-z0-9-]{1,30}$/, 'must be 1-30 lowercase letters, digits or dashes')
      .optional(),
  ),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(200),
  QUEUE_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(1000),
  EVENT_RETENTION_HOURS: z.coerce.number().int().min(1).default(72),
  REALTIME_HEARTBEAT_MS: z.coerce.number().int().min(50).max(600_000).default(30_000),
  REALTIME_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 * 1024),
  /** Public merchant applications: per client address in a window, and for everyone per minute. */
  SIGNUP_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(5),
  SIGNUP_LIMIT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  SIGNUP_LIMIT_GLOBAL_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  REALTIME_MAX_CONNECTIONS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
  /** Storefront render workers (ADR 012); default: cores − 1, at least 2, at most 4. */
  STOREFRONT_RENDER_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  /** A render running longer is aborted (its worker terminated and replaced). */
  STOREFRONT_RENDER_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Heap cap of each render worker (`maxOldGenerationSizeMb`). */
  STOREFRONT_RENDER_HEAP_MB: z.coerce.number().int().min(16).max(16_384).default(256),
  /** Renders (cache misses) of one store in flight at once; more wait briefly, then 503. */
  STOREFRONT_RENDERS_PER_STORE: z.coerce.number().int().min(1).max(64).default(2),
  /** Merchant media (ADR 061): where originals and resized copies are kept. */
  MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
  /** Largest accepted upload; a bigger file is refused with 413. */
  MEDIA_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  /** Decoded pixels an image may have (decompression bombs are refused). */
  MEDIA_MAX_INPUT_PIXELS: z.coerce.number().int().min(1).default(100_000_000),
  S3_BUCKET: optionalString,
  S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
});

export type Env = z.input<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * What production refuses to start without (ADR 005): nothing generated or defaulted that would
 * be wrong or lost on a real host — secrets, URLs, the database, mail — and no test fault injection.
 */
function productionProblems(e: z.output<typeof EnvSchema>): string[] {
  const problems: string[] = [];
  if (!e.DATABASE_URL)
    problems.push(
      'DATABASE_URL: required in production (the embedded database is for development)',
    );
  if (e.DATABASE_URL && !e.MIGRATION_DATABASE_URL)
    problems.push(
      "MIGRATION_DATABASE_URL: required in production (the tables' owner, for migrations; DATABASE_URL is the app's own role, ADR 007)",
    );
  if (!e.JWT_SECRET)
    problems.push(
      'JWT_SECRET: required in production (no generated secret; at least 32 characters)',
    );
  if (!e.PUBLIC_URL)
    problems.push('PUBLIC_URL: required in production (the URL the API and storefronts answer at)');
  if (!e.PLATFORM_DOMAIN)
    problems.push('PLATFORM_DOMAIN: required in production (stores answer at <slug>.<domain>)');
  if (!e.SMTP_URL)
    problems.push('SMTP_URL: required in production (mail would otherwise not be sent)');
  if (e.PROVISIONING_FAULTS)
    problems.push('PROVISIONING_FAULTS: fault injection is not allowed in production');
  return problems;
}

/** What every environment refuses: an incomplete media storage setting. */
function mediaProblems(e: z.output<typeof EnvSchema>): string[] {
  if (e.MEDIA_STORAGE !== 's3') return [];
  const problems: string[] = [];
  if (!e.S3_BUCKET) problems.push('S3_BUCKET: required when MEDIA_STORAGE=s3');
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY)
    problems.push('S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither');
  return problems;
}

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems = [
    ...(e.NODE_ENV === 'production' ? productionProblems(e) : []),
    ...mediaProblems(e),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const protocol = new URL(publicUrl).protocol.replace(':', '');
  return {
    env: e.NODE_ENV,
    role: e.ROLE,
    dataDir: e.DATA_DIR,
    http: {
      host: e.HOST,
      trustProxy: e.TRUST_PROXY,
      port: e.PORT,
      adminPort: e.ADMIN_PORT,
      dashboardPort: e.DASHBOARD_PORT,
      publicUrl,
      bodyLimit: 1024 * 1024,
      timeouts: {
        headersMs: e.HTTP_HEADERS_TIMEOUT_MS,
        requestMs: e.HTTP_REQUEST_TIMEOUT_MS,
        idleMs: e.HTTP_IDLE_TIMEOUT_MS,
        keepAliveMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      },
    },
    database: {
      url: e.DATABASE_URL,
      /** The owner's URL for migrations; unset: DATABASE_URL's (development only). */
      migrationUrl: e.MIGRATION_DATABASE_URL,
      poolSize: e.DATABASE_POOL_SIZE,
      timeouts: {
        connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
        statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
        idleInTransactionMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      },
    },
    platform: {
      domain: (e.PLATFORM_DOMAIN ?? `localhost:${e.PORT}`).toLowerCase(),
      protocol,
      adminUrl: `${protocol}://localhost:${e.ADMIN_PORT}`,
      dashboardUrl: `${protocol}://localhost:${e.DASHBOARD_PORT}`,
    },
    bootstrapAdmin: { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD },
    auth: {
      jwtSecret: e.JWT_SECRET,
      adminSessionTtlMs: 12 * 3_600_000,
      merchantSessionTtlMs: 12 * 3_600_000,
    },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      retryBaseMs: e.MAIL_RETRY_BASE_MS,
      maxAttempts: 10,
    },
    log: {
      level: e.LOG_LEVEL,
      pretty: (e.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json')) === 'pretty',
    },
    provisioning: {
      retryBaseMs: e.PROVISIONING_RETRY_BASE_MS,
      maxAttempts: 3,
      selfCheckUrl: (e.PROVISIONING_SELF_CHECK_URL ?? `http://127.0.0.1:${e.PORT}`).replace(
        /\/$/,
        '',
      ),
      faults: e.PROVISIONING_FAULTS,
    },
    queue: {
      concurrency: e.WORKER_CONCURRENCY,
      pollIntervalMs: e.QUEUE_POLL_INTERVAL_MS,
      instanceName: e.INSTANCE_NAME,
    },
    limits: {
      signup: {
        perClient: e.SIGNUP_LIMIT_PER_CLIENT,
        windowMs: e.SIGNUP_LIMIT_WINDOW_MINUTES * 60_000,
        globalPerMinute: e.SIGNUP_LIMIT_GLOBAL_PER_MINUTE,
      },
    },
    storefront: {
      render: {
        threads:
          e.STOREFRONT_RENDER_THREADS ?? Math.max(2, Math.min(4, availableParallelism() - 1)),
        timeoutMs: e.STOREFRONT_RENDER_TIMEOUT_MS,
        heapMb: e.STOREFRONT_RENDER_HEAP_MB,
        perStore: e.STOREFRONT_RENDERS_PER_STORE,
      },
    },
    media: {
      maxUploadBytes: e.MEDIA_MAX_UPLOAD_BYTES,
      maxInputPixels: e.MEDIA_MAX_INPUT_PIXELS,
      storage:
        e.MEDIA_STORAGE === 's3'
          ? {
              kind: 's3' as const,
              bucket: e.S3_BUCKET!,
              endpoint: e.S3_ENDPOINT,
              region: e.S3_REGION,
              forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
              credentials:
                e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
                  ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
                  : undefined,
            }
          : { kind: 'local' as const, dir: join(e.DATA_DIR, 'media') },
    },
    realtime: {
      retentionHours: e.EVENT_RETENTION_HOURS,
      heartbeatMs: e.REALTIME_HEARTBEAT_MS,
      maxBufferedBytes: e.REALTIME_MAX_BUFFERED_BYTES,
      maxConnectionsPerAccount: e.REALTIME_MAX_CONNECTIONS_PER_ACCOUNT,
    },
  };
}

export type Config = ReturnType<typeof loadConfig>;
