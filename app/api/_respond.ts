import { NextResponse } from 'next/server';
import { BuildFormatError, BuildMissingError } from '@/lib/store';

/** A JSON error: every API answer is JSON, with a message a person can act on. */
export function jsonError(status: number, message: string, headers?: HeadersInit) {
  return NextResponse.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** The raw query string of a request, percent-encoding intact (URLSearchParams would repair it). */
export function rawSearch(url: string): string {
  const hash = url.indexOf('#');
  const withoutHash = hash === -1 ? url : url.slice(0, hash);
  const q = withoutHash.indexOf('?');
  return q === -1 ? '' : withoutHash.slice(q);
}

/** Failures that are not the client's fault: a missing or unreadable build is a 503, the rest 500. */
export function serverError(error: unknown) {
  if (error instanceof BuildMissingError || error instanceof BuildFormatError) {
    return jsonError(503, error.message);
  }
  console.error(error);
  return jsonError(500, 'Internal error.');
}
