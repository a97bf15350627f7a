/**
 * The provisioning bench's outside world, in its own process: the mail server that accepts
 * the welcome emails and the shopper who opens each new website. The platform's process does
 * only the platform's work, as in production, where neither runs on the platform's event loop.
 * Started with `fork`; reports its SMTP URL once, then what it saw — accepted messages
 * (recipient, time) and websites that answered (merchant, time) — in small batches over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startSmtpSink } from '../test/support/smtp-sink.js';

export interface SiteCheck {
  /** Reported back with the result. */
  id: string;
  /** The platform's listener; the store is addressed by its Host header. */
  port: number;
  host: string;
  /** The page must contain it. */
  expect: string;
}

type Seen =
  | { kind: 'mail'; to: string; at: number }
  | { kind: 'site'; id: string; at: number }
  | { kind: 'site-failed'; id: string; reason: string };

type ToParent = { url: string } | { seen: Seen[] };
type ToChild = { checks: SiteCheck[] };

export interface OutsideWorld {
  pid: number;
  smtpUrl: string;
  onSeen?: (seen: Seen) => void;
  /** Asks the shopper to open a website (requests are batched onto the IPC channel). */
  checkSite(check: SiteCheck): void;
  stop(): Promise<void>;
}

/** Starts the outside world in a child process; resolves when its SMTP server listens. */
export async function startOutsideWorld(): Promise<OutsideWorld> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--child'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const sendChecks = batched<SiteCheck>((checks) => child.send({ checks } satisfies ToChild));
  const world: OutsideWorld = {
    pid: child.pid!,
    smtpUrl: '',
    checkSite: sendChecks,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
  world.smtpUrl = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: ToParent) => {
      if ('url' in message) resolve(message.url);
      else for (const seen of message.seen) world.onSeen?.(seen);
    });
  });
  return world;
}

/** Collects items for 2 ms and hands them over together: one IPC message, not one each. */
function batched<T>(flush: (items: T[]) => void) {
  let pending: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  return (item: T) => {
    pending.push(item);
    timer ??= setTimeout(() => {
      flush(pending);
      pending = [];
      timer = undefined;
    }, 2);
  };
}

function openSite(agent: Agent, check: SiteCheck): Promise<Seen> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port: check.port, path: '/', agent, headers: { host: check.host } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve(
            res.statusCode === 200 && body.includes(check.expect)
              ? { kind: 'site', id: check.id, at: Date.now() }
              : { kind: 'site-failed', id: check.id, reason: `answered ${res.statusCode}` },
          ),
        );
      },
    );
    req.on('error', (error) =>
      resolve({ kind: 'site-failed', id: check.id, reason: error.message }),
    );
    req.end();
  });
}

async function runChild() {
  const sink = await startSmtpSink();
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const report = batched<Seen>((seen) => process.send!({ seen } satisfies ToParent));
  sink.onReceived = (email) => report({ kind: 'mail', to: email.to[0]!, at: email.receivedAt });
  process.on('message', (message: ToChild) => {
    for (const check of message.checks) void openSite(agent, check).then(report);
  });
  process.send!({ url: sink.url } satisfies ToParent);
  process.once('SIGTERM', () => {
    agent.destroy();
    void sink.stop().then(() => process.exit(0));
  });
}

if (process.argv.includes('--child')) void runChild();
