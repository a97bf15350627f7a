/**
 * A tiny typed fetch client for the Orbit360 API. Every non-2xx answer becomes an `ApiError`
 * built from the server's one error shape `{ error: { code, message, details } }`; validation
 * failures (`details.fields: [{ field, message }]`) are flattened into `fieldErrors` keyed by
 * the field path without its `body.` / `querystring.` prefix, ready to show on form fields.
 */

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly fieldErrors: FieldErrors;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.fieldErrors = extractFieldErrors(details);
  }

  /** The message for a field: exact path first (`settings.slug`), then by last segment (`slug`). */
  field(path: string): string | undefined {
    if (this.fieldErrors[path]) return this.fieldErrors[path];
    const suffix = `.${path}`;
    const key = Object.keys(this.fieldErrors).find((k) => k.endsWith(suffix));
    return key ? this.fieldErrors[key] : undefined;
  }

  get isValidation() {
    return this.code === 'VALIDATION_FAILED' || Object.keys(this.fieldErrors).length > 0;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

const PREFIX = /^(body|querystring|query|params|headers)\.?/;

function extractFieldErrors(details: unknown): FieldErrors {
  const fields = (details as { fields?: unknown } | undefined)?.fields;
  const result: FieldErrors = {};
  if (!Array.isArray(fields)) return result;
  for (const issue of fields) {
    if (!issue || typeof issue !== 'object') continue;
    const { field, message } = issue as { field?: unknown; message?: unknown };
    if (typeof field !== 'string' || typeof message !== 'string') continue;
    const key = field.replace(PREFIX, '') || field;
    result[key] ??= message;
  }
  return result;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Your session has expired. Please sign in again.',
  403: 'You do not have permission to do this.',
  404: 'Not found.',
  409: 'This conflicts with the current state.',
  429: 'Too many attempts. Please wait a moment and try again.',
};

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  /** API origin, e.g. `http://localhost:5000`; '' for same-origin. */
  baseUrl: string | (() => string);
  /** Bearer token for each request, if signed in. */
  getToken?: () => string | null | undefined;
  /** Called when a request that carried a token is answered 401 (session expired/revoked). */
  onUnauthorized?: (error: ApiError) => void;
  fetch?: typeof fetch;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions) {
  const baseUrl = () =>
    (typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl).replace(
      /\/$/,
      '',
    );

  async function request<T>(method: string, path: string, init: RequestOptions = {}): Promise<T> {
    const url = new URL(`${baseUrl()}${path}`, globalThis.location?.href ?? 'http://localhost');
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined && value !== null && value !== '')
        url.searchParams.set(key, String(value));
    }
    const token = options.getToken?.();
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;

    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await doFetch(url.toString(), {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
      });
    } catch (error) {
      if ((error as { name?: string })?.name === 'AbortError') throw error;
      throw new ApiError(
        0,
        'NETWORK_ERROR',
        'Could not reach the server. Check your connection and try again.',
      );
    }

    const text = response.status === 204 ? '' : await response.text();
    let payload: unknown = undefined;
    if (text) {
      try {
        payload = JSON.parse(text);
      } catch {
        payload = undefined;
      }
    }
    if (response.ok) return payload as T;

    const body = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } })
      ?.error;
    const error = new ApiError(
      response.status,
      typeof body?.code === 'string' ? body.code : `HTTP_${response.status}`,
      typeof body?.message === 'string'
        ? body.message
        : (STATUS_MESSAGES[response.status] ??
            'Something went wrong on our side. Please try again.'),
      body?.details,
    );
    if (response.status === 401 && token) options.onUnauthorized?.(error);
    throw error;
  }

  return {
    request,
    get: <T>(path: string, init?: RequestOptions) => request<T>('GET', path, init),
    post: <T>(path: string, body?: unknown, init?: RequestOptions) =>
      request<T>('POST', path, { ...init, body }),
    put: <T>(path: string, body?: unknown, init?: RequestOptions) =>
      request<T>('PUT', path, { ...init, body }),
    patch: <T>(path: string, body?: unknown, init?: RequestOptions) =>
      request<T>('PATCH', path, { ...init, body }),
    delete: <T = void>(path: string, init?: RequestOptions) => request<T>('DELETE', path, init),
  };
}

/** Seconds-since-epoch `exp` of a JWT as a Date, or null if it has none / is not a JWT. */
export function tokenExpiry(token: string): Date | null {
  try {
    const part = token.split('.')[1];
    if (!part) return null;
    const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? new Date(json.exp * 1000) : null;
  } catch {
    return null;
  }
}
