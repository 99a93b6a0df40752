/**
 * The cache in front of Next: an answer that depends only on its URL and the published build is
 * made once per build and then served from memory. Pages (the library, a reader page, a term, the
 * glossary; not the import page, which reads who asks) are marked so by proxy.ts and served with a
 * policy that allows their inline scripts by hash (script-hashes.mjs); API answers (search, the
 * reader's pairs, a gloss) are marked by app/api/_conditional.ts and kept with their own headers.
 * page-cache-preload.mjs puts it in front of Next.
 *
 * Why in front of Next rather than Next's own static rendering: the pages read the build at run
 * time (DUIZHAO_BUILD, or PostgreSQL), the import page publishes new builds while the server runs,
 * and a page's script hashes are only known once its HTML is. Plain JavaScript for the preload.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { hashedPolicy, hashInlineScripts, policyNonce } from './script-hashes.mjs';

/** Set by the preload on a request whose answer it would keep (and removed from every other request). */
export const CAPTURE_HEADER = 'x-duizhao-page-capture';
/** Set by proxy.ts on such a request's answer when the page depends only on its URL and the build. */
export const CACHEABLE_HEADER = 'x-duizhao-page-cacheable';
/** Where lib/store publishes `servedBuildVersion`, for the preload to ask before it serves a kept page. */
export const BUILD_VERSION_KEY = Symbol.for('duizhao.store.servedBuildVersion');

/**
 * Requests of Next's client router (an RSC payload, a prefetch, a server action) and ranges are
 * answered by Next: they are not the page's HTML.
 */
const NOT_HTML_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-action',
  'range',
];

/** The path of a request URL, without its query. */
export const urlPath = (url) => {
  const raw = String(url ?? '');
  const q = raw.indexOf('?');
  return q === -1 ? raw : raw.slice(0, q);
};

/**
 * Whether a request may be answered from the cache: a GET of a page or an API answer (not Next's
 * static files, which Next serves from disk, nor another file).
 */
export function isCacheableRequest(method, url, headers) {
  if (method !== 'GET') return false;
  const raw = String(url ?? '');
  const q = raw.indexOf('?');
  const path = urlPath(raw);
  if (!path.startsWith('/') || path.startsWith('/_next/')) return false;
  if (/\.[^/]*$/.test(path)) return false;
  if (q !== -1 && /[?&]_rsc=/.test(raw.slice(q))) return false;
  return NOT_HTML_HEADERS.every((name) => headers[name] === undefined);
}

/** Response headers a kept answer does not repeat: per response, or set again when it is served. */
const DROPPED = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'set-cookie',
  CACHEABLE_HEADER,
]);
/** …and those of a page, which the cache sets itself (its policy is rewritten, its tag its own). */
const DROPPED_FROM_PAGES = new Set(['etag', 'cache-control', 'content-security-policy']);

/**
 * The one cookie a kept page may set: next-intl's locale cookie, whose value follows from the path.
 * The preload asks for a copy without the request's cookies, so the copy always carries it, and it
 * is sent again to a client whose Cookie header does not already hold it, as next-intl would.
 */
function keptCookie(setCookie) {
  const single = Array.isArray(setCookie) ? (setCookie.length === 1 ? setCookie[0] : null) : setCookie;
  if (single === undefined) return { ok: true, cookie: undefined };
  if (typeof single !== 'string') return { ok: false };
  const pair = single.split(';')[0].trim();
  return /^[\w-]+=[\w-]*$/.test(pair) ? { ok: true, cookie: { pair, header: single } } : { ok: false };
}

const holdsCookie = (cookieHeader, pair) =>
  String(cookieHeader ?? '')
    .split(';')
    .some((c) => c.trim() === pair);

const bodyTag = (body) => `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;

const withAcceptEncoding = (vary) => (vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');

/**
 * A kept answer from what Next answered, or null when it must not be kept: not a 200 marked
 * cacheable (by proxy.ts for pages, by app/api/_conditional.ts for answers), a cookie other than
 * the locale's, already compressed, or a page with no nonce policy to turn into hashes. An API
 * answer is kept with its own headers (its policy, Cache-Control and ETag); a page gets a policy
 * with its scripts' hashes, its own ETag and `no-cache`.
 */
export function cacheEntry({ status, headers, body, version }) {
  if (status !== 200 || headers[CACHEABLE_HEADER] === undefined) return null;
  if (headers['content-encoding'] !== undefined) return null;
  const { ok, cookie } = keptCookie(headers['set-cookie']);
  if (!ok) return null;
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !DROPPED.has(name)));
  if (!String(headers['content-type'] ?? '').startsWith('text/html')) {
    const etag = typeof kept.etag === 'string' ? kept.etag : bodyTag(body);
    return {
      version,
      cookie,
      headers: { ...kept, etag, vary: withAcceptEncoding(String(kept.vary ?? '')) },
      identity: body,
      gzip: gzipSync(body),
    };
  }
  const policy = headers['content-security-policy'];
  const nonce = typeof policy === 'string' ? policyNonce(policy) : null;
  if (nonce === null) return null;
  const { html, hashes } = hashInlineScripts(body.toString('utf8'), nonce);
  const identity = Buffer.from(html, 'utf8');
  const pageHeaders = Object.fromEntries(Object.entries(kept).filter(([name]) => !DROPPED_FROM_PAGES.has(name)));
  return {
    version,
    cookie,
    headers: {
      ...pageHeaders,
      vary: withAcceptEncoding(String(pageHeaders.vary ?? '')),
      'content-security-policy': hashedPolicy(policy, hashes),
      // Asked again each time, answered 304 while the page is the same: a new build (an import,
      // a correction) must show at once.
      'cache-control': 'no-cache',
      etag: bodyTag(identity),
    },
    identity,
    gzip: gzipSync(identity),
  };
}

/** Whether an Accept-Encoding header takes gzip (a q of 0 refuses it). */
export function acceptsGzip(acceptEncoding) {
  return String(acceptEncoding ?? '')
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.trim().toLowerCase().split(';');
      if (coding !== 'gzip' && coding !== '*') return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0;
    });
}

/** Whether If-None-Match names the tag (weak comparison, RFC 9110 §13.1.2). */
function matchesEtag(ifNoneMatch, etag) {
  if (typeof ifNoneMatch !== 'string') return false;
  const bare = (t) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => bare(t) === '*' || bare(t) === bare(etag));
}

/** Status, headers and body of a kept page for one request. */
export function servedPage(entry, requestHeaders) {
  const cookie =
    entry.cookie && !holdsCookie(requestHeaders.cookie, entry.cookie.pair) ? { 'set-cookie': entry.cookie.header } : {};
  if (matchesEtag(requestHeaders['if-none-match'], entry.headers.etag)) {
    const { etag, vary } = entry.headers;
    return {
      status: 304,
      headers: {
        etag,
        vary,
        'cache-control': entry.headers['cache-control'],
        'content-security-policy': entry.headers['content-security-policy'],
        ...cookie,
      },
      body: null,
    };
  }
  const gzip = acceptsGzip(requestHeaders['accept-encoding']);
  const body = gzip ? entry.gzip : entry.identity;
  return {
    status: 200,
    headers: {
      ...entry.headers,
      ...cookie,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      'content-length': body.length,
    },
    body,
  };
}

/**
 * The kept pages, least recently used dropped first once `maxBytes` (their bodies, both
 * encodings) is passed: the search page keeps one entry per query, so the cache is bounded.
 */
export class PageCache {
  constructor({ maxBytes = 64 * 1024 * 1024, maxEntryBytes = 4 * 1024 * 1024 } = {}) {
    this.maxBytes = maxBytes;
    this.maxEntryBytes = maxEntryBytes;
    this.bytes = 0;
    this.entries = new Map();
  }

  static size(entry) {
    return entry.identity.length + entry.gzip.length;
  }

  /** The page kept for `key` under `version`, or undefined (an entry of another build is dropped). */
  get(key, version) {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.bytes -= PageCache.size(entry);
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key, entry) {
    const size = PageCache.size(entry);
    if (size > this.maxEntryBytes) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.bytes -= PageCache.size(old);
    }
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldest, kept] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= PageCache.size(kept);
    }
  }
}
