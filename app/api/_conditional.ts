/**
 * Conditional GETs for answers that depend only on the published build and the request's checked
 * input (the reader's pairs, search hits): the ETag names both, so a client that holds the answer
 * gets a 304 before any work is done, and a new build (an import, a correction) changes every tag.
 */
import { createHash } from 'node:crypto';

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
