import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { newNonce, pageContentSecurityPolicy } from './headers';
import {
  acceptsGzip,
  CACHEABLE_HEADER,
  isCacheableRequest,
  PageCache,
  cacheEntry,
  servedPage,
  type PageEntry,
} from './page-cache.mjs';
import { hashedPolicy, hashInlineScripts, policyNonce } from './script-hashes.mjs';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const scriptSources = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'script-src')
    ?.slice(1);

/** A page as Next renders it under a nonce policy, with one script injected through the content. */
function renderedPage(nonce: string) {
  const next = 'self.__next_f.push([1,"0:{\\"a\\":1}"])';
  const boot = '(self.__next_f=self.__next_f||[]).push([0])';
  const injected = 'alert(document.cookie)';
  const html =
    `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async="" nonce="${nonce}"></script>` +
    `<script nonce="${nonce}">${boot}</script></head><body><p>对照</p><div><script>${injected}</script></div>` +
    `<script nonce="${nonce}">${next}</script><script nonce="${nonce}">${next}</script></body></html>`;
  return { html, next, boot, injected };
}

describe('script hashes', () => {
  it("hashes exactly the inline scripts that carry the render's nonce, and takes the nonce out", () => {
    const nonce = newNonce();
    const { html, next, boot, injected } = renderedPage(nonce);
    const out = hashInlineScripts(html, nonce);
    expect(out.hashes).toEqual([sha256(boot), sha256(next)]);
    expect(out.hashes).not.toContain(sha256(injected));
    expect(out.html).not.toContain(nonce);
    expect(out.html).toContain('<script src="/_next/static/chunks/a.js" async="">');
    expect(out.html).toContain(`<script>${injected}</script>`);
  });

  it('swaps the nonce and strict-dynamic for hashes and keeps every other directive', () => {
    const nonce = newNonce();
    const policy = pageContentSecurityPolicy(nonce);
    expect(policyNonce(policy)).toBe(nonce);
    const hashed = hashedPolicy(policy, ["'sha256-abc='"]);
    expect(scriptSources(hashed)).toEqual(["'self'", "'sha256-abc='"]);
    expect(scriptSources(hashed)).not.toContain("'unsafe-inline'");
    expect(hashed.replace(/script-src[^;]*/, '')).toBe(policy.replace(/script-src[^;]*/, ''));
    expect(policyNonce("default-src 'self'")).toBeNull();
    expect(() => hashedPolicy("default-src 'self'", [])).toThrow(/script-src/);
    expect(() => hashInlineScripts('<p></p>', "x'; script-src *")).toThrow(/nonce/);
  });
});

describe('the pages cache', () => {
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce);
  const answer = (over: Record<string, unknown> = {}) => ({
    status: 200,
    version: 'v1',
    body: Buffer.from(renderedPage(nonce).html),
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': policy,
      'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate',
      vary: 'rsc, next-router-state-tree',
      link: '</zh-Hans>; rel="alternate"; hreflang="zh-Hans"',
      date: 'Mon, 07 Dec 2026 07:00:00 GMT',
      [CACHEABLE_HEADER]: 'build',
      ...over,
    },
  });

  it("answers only GETs of pages and APIs: not Next's static files, other files, or the client router", () => {
    expect(isCacheableRequest('GET', '/en/read/a-doc', {})).toBe(true);
    expect(isCacheableRequest('GET', '/zh-Hans/search?q=合作', {})).toBe(true);
    expect(isCacheableRequest('HEAD', '/en', {})).toBe(false);
    expect(isCacheableRequest('POST', '/en', {})).toBe(false);
    expect(isCacheableRequest('GET', '/api/search?q=a', {})).toBe(true);
    expect(isCacheableRequest('GET', '/_next/static/chunks/a.js', {})).toBe(false);
    expect(isCacheableRequest('GET', '/favicon.ico', {})).toBe(false);
    expect(isCacheableRequest('GET', '/en?_rsc=1x2', {})).toBe(false);
    expect(isCacheableRequest('GET', '/en', { rsc: '1' })).toBe(false);
    expect(isCacheableRequest('GET', '/en', { 'next-router-prefetch': '1' })).toBe(false);
  });

  it('keeps a marked 200 HTML page with hashes for its own scripts, and nothing else', () => {
    const entry = cacheEntry(answer())!;
    const served = entry.headers['content-security-policy'];
    expect(scriptSources(served)).toEqual(["'self'", ...hashInlineScripts(renderedPage(nonce).html, nonce).hashes]);
    expect(served).not.toContain(sha256(renderedPage(nonce).injected));
    expect(entry.headers.link).toContain('hreflang');
    expect(entry.headers.date).toBeUndefined();
    expect(entry.headers[CACHEABLE_HEADER]).toBeUndefined();
    expect(entry.headers['cache-control']).toBe('no-cache');
    expect(entry.headers.vary).toBe('rsc, next-router-state-tree, Accept-Encoding');
    expect(gunzipSync(entry.gzip).equals(entry.identity)).toBe(true);

    expect(cacheEntry(answer({ [CACHEABLE_HEADER]: undefined }))).toBeNull();
    expect(cacheEntry({ ...answer(), status: 404 })).toBeNull();
    expect(cacheEntry(answer({ 'set-cookie': ['a=1', 'b=2'] }))).toBeNull();
    expect(cacheEntry(answer({ 'set-cookie': 'a=<script>; Path=/' }))).toBeNull();
    expect(cacheEntry(answer({ 'content-encoding': 'gzip' }))).toBeNull();
    expect(cacheEntry(answer({ 'content-security-policy': "default-src 'self'" }))).toBeNull();
  });

  it('keeps a marked API answer with its own policy, Cache-Control and ETag', () => {
    const body = Buffer.from('{"total":1,"hits":[]}');
    const api = {
      status: 200,
      version: 'v1',
      body,
      headers: {
        'content-type': 'application/json',
        'content-security-policy': "default-src 'none'",
        'cache-control': 'private, no-cache',
        etag: '"abc.def"',
        [CACHEABLE_HEADER]: 'build',
      },
    };
    const entry = cacheEntry(api)!;
    expect(entry.headers['content-security-policy']).toBe("default-src 'none'");
    expect(entry.headers['cache-control']).toBe('private, no-cache');
    expect(entry.headers.etag).toBe('"abc.def"');
    expect(entry.identity.equals(body)).toBe(true);
    expect(servedPage(entry, { 'if-none-match': '"abc.def"' }).status).toBe(304);
    expect(cacheEntry({ ...api, headers: { ...api.headers, [CACHEABLE_HEADER]: undefined } })).toBeNull();
  });

  it('serves gzip to clients that take it, and a 304 to one that holds the page', () => {
    const entry = cacheEntry(answer())!;
    const plain = servedPage(entry, {});
    expect(plain.status).toBe(200);
    expect(plain.body!.equals(entry.identity)).toBe(true);
    expect(plain.headers['content-length']).toBe(entry.identity.length);
    const gzip = servedPage(entry, { 'accept-encoding': 'gzip, deflate, br' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body!).equals(entry.identity)).toBe(true);
    expect(servedPage(entry, { 'accept-encoding': 'gzip;q=0, br' }).headers['content-encoding']).toBeUndefined();
    const again = servedPage(entry, { 'if-none-match': entry.headers.etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(servedPage(entry, { 'if-none-match': '"other"' }).status).toBe(200);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it("sets next-intl's locale cookie for a client that does not hold it, as next-intl would", () => {
    const entry = cacheEntry(answer({ 'set-cookie': 'NEXT_LOCALE=en; Path=/; SameSite=lax' }))!;
    expect(entry.headers['set-cookie']).toBeUndefined();
    expect(servedPage(entry, {}).headers['set-cookie']).toBe('NEXT_LOCALE=en; Path=/; SameSite=lax');
    expect(servedPage(entry, { cookie: 'NEXT_LOCALE=zh-Hans' }).headers['set-cookie']).toContain('NEXT_LOCALE=en');
    expect(servedPage(entry, { cookie: 'x=1; NEXT_LOCALE=en' }).headers['set-cookie']).toBeUndefined();
  });

  it('forgets a page of another build, and the least recently used past its bound', () => {
    const entry = cacheEntry(answer())!;
    const size = PageCache.size(entry);
    const cache = new PageCache({ maxBytes: size * 2 });
    cache.set('/en', entry);
    expect(cache.get('/en', 'v1')).toBe(entry);
    expect(cache.get('/en', 'v2')).toBeUndefined();
    expect(cache.get('/en', 'v1')).toBeUndefined();
    expect(cache.bytes).toBe(0);
    const pages: PageEntry[] = ['/a', '/b', '/c'].map(() => cacheEntry(answer())!);
    cache.set('/a', pages[0]!);
    cache.set('/b', pages[1]!);
    cache.get('/a', 'v1');
    cache.set('/c', pages[2]!);
    expect([...cache.entries.keys()]).toEqual(['/a', '/c']);
    expect(cache.bytes).toBe(size * 2);
    const small = new PageCache({ maxEntryBytes: 10 });
    small.set('/big', entry);
    expect(small.entries.size).toBe(0);
  });
});
