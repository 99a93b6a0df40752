import { NextResponse } from 'next/server';
import { EmptyGlossaryError } from '@/lib/export';
import type { ImportErrorDetail } from '@/lib/import/error-detail';
import { ImportError } from '@/lib/import/wire';
import { QueryError } from '@/lib/search';
import { BuildFormatError, BuildMissingError } from '@/lib/store';

/**
 * The one error type of the API boundary: a status for the client and a message a person can act
 * on. Errors from below (an import refused, a query that cannot run, a missing build) become one of
 * these in `errorResponse`, the original kept as `cause` for the server's log.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown; headers?: HeadersInit; detail?: ImportErrorDetail },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'HttpError';
    this.headers = options?.headers;
    this.detail = options?.detail;
  }
  readonly headers: HeadersInit | undefined;
  /** What the import page says in its own language (a code and its values), beside the English message. */
  readonly detail: ImportErrorDetail | undefined;
}

/** The one wording of an unknown document, whichever route is asked. */
export function noSuchDocument(docId: string): HttpError {
  return new HttpError(404, `No document with the id "${docId.slice(0, 100)}".`);
}

/** A JSON error: every API answer is JSON, with a message a person can act on (and its code, where it has one). */
function jsonError(status: number, message: string, headers?: HeadersInit, detail?: ImportErrorDetail) {
  return NextResponse.json(
    { error: message, ...detail },
    { status, headers: { 'Cache-Control': 'no-store', ...headers } },
  );
}

/** The raw query string of a request, percent-encoding intact (URLSearchParams would repair it). */
export function rawSearch(url: string): string {
  const hash = url.indexOf('#');
  const withoutHash = hash === -1 ? url : url.slice(0, hash);
  const q = withoutHash.indexOf('?');
  return q === -1 ? '' : withoutHash.slice(q);
}

/**
 * What a thrown error means for the client, as an HttpError: the client's fault (4xx), a missing or
 * unreadable build (503), or ours (500, the message kept out of the answer).
 */
function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ImportError || error instanceof QueryError || error instanceof EmptyGlossaryError) {
    const status = error instanceof ImportError ? error.status : error instanceof QueryError ? 400 : 404;
    const detail = error instanceof ImportError ? error.detail : undefined;
    return new HttpError(status, error.message, { cause: error, detail });
  }
  if (error instanceof BuildMissingError || error instanceof BuildFormatError) {
    return new HttpError(503, error.message, { cause: error });
  }
  return new HttpError(500, 'Internal error.', { cause: error });
}

/** The JSON answer for any error a route throws; a 500 is logged with its cause. */
export function errorResponse(error: unknown): NextResponse {
  const http = asHttpError(error);
  if (http.status >= 500 && http.status !== 503) console.error(http.cause ?? http);
  return jsonError(http.status, http.message, http.headers, http.detail);
}
