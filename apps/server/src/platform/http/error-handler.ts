/**
 * One error shape for every response: `{ error: { code, message, details? } }`.
 * Framework errors (validation, JSON parsing, body size, 404) are translated here; anything
 * unexpected becomes an opaque 500 whose details stay in the log.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../database/connection-errors.js';
import { AppError, isAppError, type ErrorCode, type FieldIssue } from '../errors.js';

const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

function statusToCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 405) return 'METHOD_NOT_ALLOWED';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  return 'BAD_REQUEST';
}

/** Seconds a client is asked to wait while the database is unreachable. */
const UNAVAILABLE_RETRY_AFTER_S = 5;

export function toAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      'UNAVAILABLE',
      'The service is temporarily unavailable; try again shortly',
      {
        retryAfter: UNAVAILABLE_RETRY_AFTER_S,
      },
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'body';
    const issues: FieldIssue[] = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return { field: path ? `${part}.${path}` : part, message: v.message ?? 'is invalid' };
    });
    return AppError.validation(issues);
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = (fastifyError.code && FRAMEWORK_CODES[fastifyError.code]) || statusToCode(status);
    const message =
      fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'Request body is not valid JSON'
        : (fastifyError.message ?? 'Bad request');
    return new AppError(code, message);
  }
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError) {
      // An outage is logged once per request as a warning, not as a bug.
      if (appError.code === 'UNAVAILABLE') request.log.warn({ err: error }, appError.message);
      else if (appError.status >= 500) request.log.error({ err: error }, appError.message);
      const retryAfter = (appError.details as { retryAfter?: unknown } | undefined)?.retryAfter;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(appError.status).send({
        error: { code: appError.code, message: appError.message, details: appError.details },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `No route for ${request.method} ${request.url.split('?')[0]}`,
      },
    }),
  );
}

/**
 * Errors Fastify answers before any route or hook runs (a URL that does not decode, like
 * `/api/%zz`), in the one error shape. Passed to `Fastify({ frameworkErrors })`.
 */
export const frameworkErrors: FastifyServerOptions['frameworkErrors'] = (
  error,
  _request,
  reply,
) => {
  const appError =
    error.code === 'FST_ERR_BAD_URL'
      ? new AppError('BAD_REQUEST', 'The URL is not valid (bad percent-encoding)')
      : (toAppError(error) ?? new AppError('BAD_REQUEST', 'Bad request'));
  void (reply as FastifyReply)
    .status(appError.status)
    .send({ error: { code: appError.code, message: appError.message } });
};

/**
 * @fastify/cors answers a malformed preflight itself, as `400 text/plain`: rewritten here to
 * the one error shape (registered on the root, so it sees the plugin's reply).
 */
export function registerPreflightErrorShape(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (request.method !== 'OPTIONS' || reply.statusCode < 400 || !type.startsWith('text/plain')) {
      return payload;
    }
    reply.type('application/json; charset=utf-8');
    return JSON.stringify({
      error: { code: statusToCode(reply.statusCode), message: String(payload) },
    });
  });
}
