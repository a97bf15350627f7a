/**
 * Serves a built single-page app (apps/<name>/dist) on its own port: hashed assets cached
 * forever, every other path falls back to index.html (client-side routing), and a runtime
 * `/config.json` tells the SPA where the API and the realtime socket are — so one build works
 * whatever ports or public URL the platform is started with.
 */
import fastifyStatic from '@fastify/static';
import { serverTimeouts } from './server-timeouts.js';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import type { Config } from '../config.js';

export type SpaName = 'admin' | 'dashboard';

/** Where `vite build` writes an SPA. */
export function spaDistDir(name: SpaName) {
  return join(REPO_ROOT, 'apps', name, 'dist');
}

/** Origins the API accepts cross-origin calls from: the two SPAs (localhost and 127.0.0.1). */
export function spaOrigins(config: Config): string[] {
  const origins = [config.platform.adminUrl, config.platform.dashboardUrl];
  return [...new Set(origins.flatMap((o) => [o, o.replace('://localhost:', '://127.0.0.1:')]))];
}

/** What `/config.json` answers; the shape of `RuntimeConfig` in @orbit360/ui. */
export function spaRuntimeConfig(config: Config, name: SpaName) {
  const apiUrl = config.http.publicUrl;
  return {
    app: name,
    apiUrl,
    realtimeUrl: `${apiUrl.replace(/^http/, 'ws')}/api/realtime`,
    adminUrl: config.platform.adminUrl,
    dashboardUrl: config.platform.dashboardUrl,
    platformDomain: config.platform.domain,
  };
}

/**
 * The SPAs' policy: scripts only from their own origin (no inline, no eval), so injected markup
 * cannot run code; network only to the API and its realtime socket; images also from the API
 * and the stores (theme previews, logos); never framed. Inline styles stay allowed (React style
 * props, the sandboxed email preview's own CSS).
 */
export function spaContentSecurityPolicy(runtime: ReturnType<typeof spaRuntimeConfig>) {
  const api = new URL(runtime.apiUrl);
  const realtime = new URL(runtime.realtimeUrl).origin;
  const stores = `${api.protocol}//*.${runtime.platformDomain}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: https: ${api.origin} ${stores}`,
    "font-src 'self' data:",
    `connect-src 'self' ${api.origin} ${realtime}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const NOT_BUILT_PAGE = (name: SpaName) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Orbit360 ${name} not built</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem;color:#101828}
code{background:#f2f4f7;padding:.15rem .35rem;border-radius:.3rem}</style></head>
<body><h1>The ${name === 'admin' ? 'admin panel' : 'merchant dashboard'} has not been built yet</h1>
<p>Run <code>npm run build</code> (or restart with <code>npm start</code>, which builds it when missing), then reload this page.</p></body></html>`;

export interface SpaServerOptions {
  name: SpaName;
  config: Config;
  logger: FastifyBaseLogger;
  /** Defaults to apps/<name>/dist. */
  root?: string;
}

export async function buildSpaServer(options: SpaServerOptions): Promise<FastifyInstance> {
  const { name, config } = options;
  const root = options.root ?? spaDistDir(name);
  const app = Fastify({
    // Static files are not worth a log line each; warnings and errors still are.
    loggerInstance: options.logger.child({ spa: name }, { level: 'warn' }),
    return503OnClosing: true,
    ...serverTimeouts(config.http.timeouts),
  });
  const runtimeConfig = spaRuntimeConfig(config, name);
  const csp = spaContentSecurityPolicy(runtimeConfig);

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', csp);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'DENY');
  });

  app.get('/config.json', async (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(runtimeConfig),
  );
  app.get('/healthz', async () => ({ status: 'ok', app: name, built: isBuilt(root) }));

  // @fastify/static needs an existing root; an SPA built after start-up is served after a restart.
  const canServe = existsSync(root);
  if (canServe) {
    await app.register(fastifyStatic, {
      root,
      index: false,
      cacheControl: false,
      wildcard: true,
      // Vite fingerprints everything under assets/; other files (index.html, favicon) may change.
      setHeaders(res, path) {
        res.setHeader(
          'cache-control',
          path.startsWith(join(root, 'assets'))
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  const sendIndex = (reply: FastifyReply) => {
    if (!canServe || !isBuilt(root)) {
      return reply
        .status(503)
        .type('text/html')
        .header('cache-control', 'no-store')
        .send(NOT_BUILT_PAGE(name));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  };
  app.get('/', async (_request, reply) => sendIndex(reply));

  // History fallback: any GET that is not a file is a client route → index.html.
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Not found' } });
    }
    if (extname(path) && !path.endsWith('.html')) {
      return reply.status(404).type('text/plain').send('Not found');
    }
    return sendIndex(reply);
  });

  return app;
}

function isBuilt(root: string) {
  return existsSync(join(root, 'index.html'));
}

/** Starts the admin panel and the merchant dashboard on their configured ports. */
export async function startSpaServers(options: {
  config: Config;
  logger: FastifyBaseLogger;
}): Promise<FastifyInstance[]> {
  const { config, logger } = options;
  const servers: FastifyInstance[] = [];
  try {
    for (const [name, port] of [
      ['admin', config.http.adminPort],
      ['dashboard', config.http.dashboardPort],
    ] as const) {
      const server = await buildSpaServer({ name, config, logger });
      servers.push(server);
      await server.listen({ port, host: config.http.host });
    }
    return servers;
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
}
