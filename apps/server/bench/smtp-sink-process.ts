/**
 * The provisioning bench's SMTP server, in its own process — as a mail server would be: the
 * platform's process does only the platform's work. Started with `fork`; reports its URL once,
 * then the accepted messages (recipient, acceptance time) in small batches over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSmtpSink } from '../src/modules/provisioning/testing/smtp-sink.js';

interface Accepted {
  to: string;
  receivedAt: number;
}

type Message = { url: string } | { accepted: Accepted[] };

export interface RemoteSmtpSink {
  url: string;
  onReceived?: (email: Accepted) => void;
  stop(): Promise<void>;
}

/** Starts the SMTP server in a child process; resolves when it listens. */
export async function startSmtpSinkProcess(): Promise<RemoteSmtpSink> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--child'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const sink: RemoteSmtpSink = {
    url: '',
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
  sink.url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: Message) => {
      if ('url' in message) resolve(message.url);
      else for (const email of message.accepted) sink.onReceived?.(email);
    });
  });
  return sink;
}

async function runChild() {
  const sink = await startSmtpSink();
  let pending: Accepted[] = [];
  let timer: NodeJS.Timeout | undefined;
  sink.onReceived = (email) => {
    pending.push({ to: email.to[0]!, receivedAt: email.receivedAt });
    timer ??= setTimeout(() => {
      process.send!({ accepted: pending } satisfies Message);
      pending = [];
      timer = undefined;
    }, 2);
  };
  process.send!({ url: sink.url } satisfies Message);
  process.once('SIGTERM', () => void sink.stop().then(() => process.exit(0)));
}

if (process.argv.includes('--child')) void runChild();
