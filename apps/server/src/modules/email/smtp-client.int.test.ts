import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink.js';
import { createSmtpClient, type SmtpClient } from './smtp-client.js';

const message = (id: string) =>
  Buffer.from(
    `From: a@example.test\r\nTo: b@example.test\r\nMessage-ID: <${id}@test>\r\nSubject: ${id}\r\n\r\nHello ${id}\r\n`,
  );
const envelope = { from: 'a@example.test', to: ['b@example.test'] };

describe('the SMTP client holds back the end of each message', () => {
  let sink: SmtpSink;
  let client: SmtpClient;
  beforeAll(async () => {
    sink = await startSmtpSink();
    client = createSmtpClient({
      url: sink.url,
      maxIdle: 2,
      connectionTimeout: 2_000,
      greetingTimeout: 2_000,
      socketTimeout: 5_000,
    });
  });
  afterAll(async () => {
    client.close();
    await sink.stop();
  });

  it('the server has no message until beforeEnd resolves', async () => {
    let release!: () => void;
    let inData = false;
    sink.onDataStarted = () => (inData = true);
    const sent = client.send(
      envelope,
      message('held'),
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    await expect.poll(() => inData && release !== undefined).toBe(true);
    await sleep(100);
    expect(sink.received.filter((e) => e.subject === 'held')).toHaveLength(0);
    release();
    await sent;
    expect(sink.received.filter((e) => e.subject === 'held')).toHaveLength(1);
    sink.onDataStarted = undefined;
  });

  it('a beforeEnd that throws abandons the message: never delivered, its error rethrown', async () => {
    const refusal = new Error('claim lost');
    await expect(
      client.send(envelope, message('abandoned'), () => Promise.reject(refusal)),
    ).rejects.toBe(refusal);
    await sleep(200);
    expect(sink.received.filter((e) => e.subject === 'abandoned')).toHaveLength(0);
    // The next message goes out normally (on a fresh connection).
    await client.send(envelope, message('after'), () => Promise.resolve());
    expect(sink.received.filter((e) => e.subject === 'after')).toHaveLength(1);
  });

  it('a kept connection the server closed is not reused: the next message goes out at once', async () => {
    await client.send(envelope, message('first'), () => Promise.resolve());
    // The server goes away (closing the kept connection) and comes back on the same port.
    await sink.stop();
    await sleep(300);
    await sink.start();
    await client.send(envelope, message('second'), () => Promise.resolve());
    expect(sink.received.map((e) => e.subject)).toEqual(
      expect.arrayContaining(['first', 'second']),
    );
  });
});
