/**
 * Conditional GETs for answers that depend only on the published build and the request's checked
 * input (the reader's pairs, search hits): the ETag names both, so a client that holds the answer
 * gets a 304 before any work is done, and a new build (an import, a correction) changes every tag.
 */
import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import { CACHEABLE_HEADER, CAPTURE_HEADER } from '@/lib/security/page-cache.mjs';
import { servedBuildVersion } from '@/lib/store';

const digest = (text: string, length: number) => createHash('sha1').update(text).digest('base64url').slice(0, length);

/**
 * A strong entity tag: a digest of the build version, then one of the input. Digests, because a
 * folder build's version holds its path on the server (not for clients to see) and its inode and
 * time at the end (a cut would lose them).
 */
export function answerTag(buildVersion: string, input: unknown): string {
  return `"${digest(buildVersion, 16)}.${digest(JSON.stringify(input) ?? '', 22)}"`;
}

/**
 * Whether an If-None-Match header names the tag (or is `*`). Weak and strong forms compare alike,
 * as RFC 9110 §13.1.2 asks of If-None-Match.
 */
export function matchesTag(ifNoneMatch: string | null, tag: string): boolean {
  if (ifNoneMatch === null) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => bare(candidate) === '*' || bare(candidate) === bare(tag));
}

/**
 * The answer of a GET that depends only on the published build and the request's checked input
 * (the reader's pairs, search hits, a gloss): a 304 when the client holds it; otherwise
 * `answer()` as JSON, tagged, and marked for the answer cache in front of Next
 * (lib/security/page-cache-preload.mjs) when it asks, so the next client of this URL and build is
 * answered from memory without reaching the route.
 */
export async function answerForBuild<T>(
  request: Request,
  input: unknown,
  cacheControl: string,
  answer: () => Promise<T>,
): Promise<NextResponse> {
  const version = await servedBuildVersion();
  const tag = version === null ? undefined : answerTag(version, input);
  const headers: Record<string, string> = {
    'Cache-Control': cacheControl,
    ...(tag === undefined ? {} : { ETag: tag }),
  };
  if (tag !== undefined && matchesTag(request.headers.get('if-none-match'), tag)) {
    return new NextResponse(null, { status: 304, headers });
  }
  const body = await answer();
  if (tag !== undefined && request.headers.has(CAPTURE_HEADER)) headers[CACHEABLE_HEADER] = 'build';
  return NextResponse.json<T>(body, { headers });
}
