/**
 * NUL bytes and unpaired UTF-16 surrogates in any string of any request are a 400, never a
 * 500 from PostgreSQL. The test walks every operation of the OpenAPI document (plus the
 * storefront routes, which have no schema) and sends each one a payload built from its own
 * schema with the bad text in every string: body, query, path parameters.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearer, merchantToken, setupTestApp } from '../helpers.js';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  format?: string;
  pattern?: string;
};
type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};

/** Values for constrained strings, the first one matching the pattern is used. */
const PATTERN_CANDIDATES = ['abc-store', '#336699', '+1 555 0100', 'US', 'USD', 'month', 'a1'];
let counter = 0;

const isFreeText = (schema: JsonSchema) =>
  schema.type === 'string' && !schema.enum && !schema.format && !schema.pattern;

/**
 * A valid value of the schema's shape where every free-text string (no format, pattern or
 * enum: those cannot carry the bad text past validation anyway) carries `bad`.
 */
function sample(schema: JsonSchema, bad: string): unknown {
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives) {
    return sample(alternatives.find((s) => s.type !== 'null') ?? alternatives[0]!, bad);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type)
    ? schema.type.find((t) => t !== 'null')
    : (schema.type ?? (schema.properties ? 'object' : undefined));
  switch (type) {
    case 'object': {
      const entries = Object.entries(schema.properties ?? {}).filter(
        ([key, s]) => schema.required?.includes(key) || isFreeText(s),
      );
      return Object.fromEntries(entries.map(([key, s]) => [key, sample(s, bad)]));
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        sample(schema.items ?? {}, bad),
      );
    case 'string':
      if (schema.format === 'email') return `walk${++counter}@example.test`;
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.format === 'uri') return 'https://example.test/';
      if (schema.pattern) {
        const re = new RegExp(schema.pattern);
        return PATTERN_CANDIDATES.find((c) => re.test(c)) ?? 'abc';
      }
      return `Text ${bad} here`.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength);
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return `Text ${bad}`;
  }
}

const BAD = { nul: '\u0000', surrogate: '\ud800' };

describe('bad text in any request string', () => {
  const t = setupTestApp();

  async function every(kind: keyof typeof BAD) {
    const bad = BAD[kind];
    const admin = await t.adminToken();
    const merchant = await merchantToken(t.ctx, {
      tenantId: randomUUID(),
      merchantId: randomUUID(),
    });
    await t.app.ready();
    const document = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const results: { route: string; status: number }[] = [];
    const send = async (method: string, route: string, url: string, payload?: unknown) => {
      for (const token of [admin, merchant]) {
        const res = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          headers: { ...bearer(token), 'idempotency-key': `key-${randomUUID()}` },
          ...(payload !== undefined && { payload: payload as object }),
        });
        results.push({ route: `${method.toUpperCase()} ${route}`, status: res.statusCode });
        if (res.statusCode >= 500) throw new Error(`${method} ${url}: ${res.body}`);
      }
    };
    // URL parts can carry NUL (%00); a lone surrogate cannot be URL-encoded as UTF-8.
    const urlBad = kind === 'nul' ? '%00' : '';
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (path === '/realtime' || path.startsWith('/docs')) continue;
        const params = operation.parameters ?? [];
        const query = params
          .filter((p) => p.in === 'query' && (p.required || isFreeText(p.schema ?? {})))
          .map((p) => {
            const value = p.schema && isFreeText(p.schema) ? `x${urlBad}` : sample(p.schema!, '');
            return `${p.name}=${String(value)}`;
          })
          .join('&');
        const body = operation.requestBody?.content['application/json']?.schema;
        const payload = body ? sample(body, bad) : undefined;
        // Path parameters: once a valid-looking uuid (so the body is what is checked), once bad.
        const withId = path.replace(/\{[^}]+\}/g, randomUUID());
        await send(method, path, `${withId}${query ? `?${query}` : ''}`, payload);
        if (urlBad && path.includes('{')) {
          await send(method, path, path.replace(/\{[^}]+\}/g, `x${urlBad}`), payload);
        }
      }
    }
    // The storefront routes (no schema): the path fallback and the newsletter form.
    await send('get', '/store/:slug', `/store/x${urlBad}`);
    await send('post', '/store/:slug/newsletter', '/store/some-store/newsletter', {
      email: `a${bad}@b.test`,
    });
    return results;
  }

  it('NUL bytes are refused with 400 everywhere', async () => {
    const results = await every('nul');
    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
  });

  it('unpaired surrogates are refused with 400 everywhere', async () => {
    const results = await every('surrogate');
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
  });

  it('the public signup names the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/merchants/signup',
      payload: { storeName: 'Nul\u0000 Store', ownerName: 'Owner', email: 'nul@store.test' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'body.storeName' }] },
    });
  });
});
