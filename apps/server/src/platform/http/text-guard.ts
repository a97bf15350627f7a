/**
 * One check for every string a request carries: no NUL byte (PostgreSQL text cannot hold one)
 * and no unpaired UTF-16 surrogate (PostgreSQL rejects it as invalid UTF-8/JSON). It runs as a
 * `preValidation` hook, so every route is covered — with or without a schema, whatever its
 * body, query, params or headers — before any schema or use-case sees the data (ADR 041).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/** In unicode mode a surrogate pair is one code point, so `\p{Cs}` matches only lone halves. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const BAD_TEXT = /[\u0000\p{Cs}]/u;

export const isCleanText = (value: string) => !BAD_TEXT.test(value);

/** Path of the first bad string (or object key) in `value`, walked without recursion. */
export function findBadText(value: unknown): string[] | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (!isCleanText(current)) return path;
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (!isCleanText(key)) return path;
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return undefined;
}

function check(part: string, value: unknown) {
  const path = findBadText(value);
  if (path) throw AppError.validation([{ field: [part, ...path].join('.'), message: MESSAGE }]);
}

export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    check('params', request.params);
    check('query', request.query);
    check('headers', request.headers);
    check('body', request.body);
  });
}
