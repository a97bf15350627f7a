/**
 * A client cannot hold a connection open by dripping its request: a body sent one byte at a
 * time, or headers that never end, are cut off by the request/headers timeouts — on the API
 * and on the SPA servers. Real sockets against a listening server.
 */
import net from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSpaServer } from '../../src/platform/http/spa.js';
import { setupTestApp, testConfig } from '../helpers.js';

const TIMEOUTS = { HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '500' };
/** Enough drips to outlast the limits many times over. */
const DRIPS = 100;
const DRIP_EVERY_MS = 200;

/**
 * Opens a socket, sends `head`, then drips `drip` one character at a time. Resolves with what
 * the server answered and how many drips it took before the server closed the connection.
 */
function drip(port: number, head: string, drip: string) {
  return new Promise<{ answer: string; dripsSent: number }>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let dripsSent = 0;
    let closed = false;
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      closed = true;
      resolve({ answer, dripsSent });
    });
    socket.on('connect', async () => {
      socket.write(head);
      for (const char of drip.slice(0, DRIPS)) {
        await sleep(DRIP_EVERY_MS);
        if (closed) return;
        socket.write(char);
        dripsSent += 1;
      }
      socket.destroy();
      reject(new Error(`the server kept a dripping connection open for ${DRIPS} drips`));
    });
  });
}

const dripBody = (port: number, path: string) =>
  drip(
    port,
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"a":"`,
    'x'.repeat(500),
  );
const dripHeaders = (port: number) =>
  drip(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: '.padEnd(500, 'y'));

describe('slow clients on the API', () => {
  const t = setupTestApp(TIMEOUTS);
  let port: number;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });

  it('a slowly dripped body is cut off with 408', async () => {
    const { answer, dripsSent } = await dripBody(port, '/api/merchants/signup');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(dripsSent).toBeLessThan(DRIPS);
  });

  it('headers that never end are cut off', async () => {
    const { answer, dripsSent } = await dripHeaders(port);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(dripsSent).toBeLessThan(DRIPS);
  });
});

describe('slow clients on the SPA servers', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    const logger = pino({ level: 'silent' }) as FastifyBaseLogger;
    app = await buildSpaServer({ name: 'admin', config: testConfig(TIMEOUTS), logger });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as net.AddressInfo).port;
  });
  afterAll(() => app.close());

  it('a slowly dripped body is cut off with 408', async () => {
    const { answer, dripsSent } = await dripBody(port, '/anything');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(dripsSent).toBeLessThan(DRIPS);
  });
});
