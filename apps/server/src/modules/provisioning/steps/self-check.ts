import { request, type Agent } from 'node:http';
import { StepError } from '../step-error.js';

const TIMEOUT_MS = 5_000;
const MAX_BODY_BYTES = 2 * 1024 * 1024;

const decodeEntities = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The website step's proof that the site is really served: a real HTTP GET through this
 * platform's own listener, addressed by host name exactly like a shopper's browser would
 * (Node does not resolve `*.localhost`, so the request goes to the listener's address with
 * the store's Host header). It must answer 200 with the store's name on the page.
 */
export async function checkWebsiteAnswers(options: {
  baseUrl: string;
  host: string;
  path: string;
  storeName: string;
  agent: Agent;
  signal: AbortSignal;
}): Promise<void> {
  const url = new URL(options.path, options.baseUrl);
  const { status, body } = await new Promise<{ status: number; body: string }>(
    (resolve, reject) => {
      const req = request(
        url,
        {
          agent: options.agent,
          headers: { host: options.host, accept: 'text/html', 'user-agent': 'orbit360-self-check' },
          signal: AbortSignal.any([options.signal, AbortSignal.timeout(TIMEOUT_MS)]),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_BODY_BYTES) chunks.push(chunk);
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    },
  ).catch(() => {
    throw new StepError('The website did not answer the self-check (no response)');
  });
  if (status !== 200) {
    throw new StepError(`The website did not answer the self-check (HTTP ${status})`);
  }
  if (!decodeEntities(body).includes(options.storeName)) {
    throw new StepError("The website answered the self-check without the store's name");
  }
}
