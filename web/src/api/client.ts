import type { ApiErrorBody } from './contract.ts';

/** An API call that failed: the HTTP status and, when the server sent one, its error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | null;
  constructor(status: number, body: ApiErrorBody | null, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

const isErrorBody = (x: unknown): x is ApiErrorBody =>
  typeof x === 'object' && x !== null && 'code' in x && 'message' in x;

/** Reads a response as JSON; non-2xx answers become an ApiError carrying the error body. */
async function readAnswer<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const err = isErrorBody(body) ? body : null;
    throw new ApiError(res.status, err, err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

/** GETs a JSON resource of the API; non-2xx answers become an ApiError carrying the error body. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return readAnswer<T>(
    await fetch(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) }),
  );
}

/**
 * Sends a JSON body (POST by default). Cookie-authenticated writes carry the CSRF token in
 * x-csrf-token (docs/workflow.md); the caller passes the one the server handed out.
 */
export async function sendJson<T>(
  url: string,
  body: unknown,
  options: { readonly method?: 'POST' | 'PATCH' | 'DELETE'; readonly csrfToken?: string | null } = {},
): Promise<T> {
  return readAnswer<T>(
    await fetch(url, {
      method: options.method ?? 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(options.csrfToken ? { 'x-csrf-token': options.csrfToken } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
}

/** Builds "path?a=1&b=2", leaving out empty values. */
export function withQuery(
  path: string,
  params: Readonly<Record<string, string | number | undefined>>,
): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}
