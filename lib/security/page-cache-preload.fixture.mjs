/**
 * A stand-in for `next start` for page-cache-preload.test.ts, run with the preload: it answers as
 * the app does (a nonce policy per response; the cacheable mark only when the cache asks, only on
 * the pages that may be kept) and counts its renders. The build version is what the test last
 * posted to /_set-version (published on globalThis as lib/store does).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { BUILD_VERSION_KEY, CACHEABLE_HEADER, CAPTURE_HEADER } from './page-cache.mjs';

let version = 'v1';
let renders = 0;
const seen = [];
globalThis[BUILD_VERSION_KEY] = async () => version;

const server = http.createServer((req, res) => {
  if (req.url.startsWith('/_set-version?')) {
    version = new URL(req.url, 'http://x').searchParams.get('v');
    res.end('ok');
    return;
  }
  if (req.url === '/_stats') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ renders, seen }));
    return;
  }
  renders++;
  seen.push({ url: req.url, capture: req.headers[CAPTURE_HEADER] ?? null, cookie: req.headers.cookie ?? null });
  const nonce = randomBytes(16).toString('base64');
  res.setHeader(
    'content-security-policy',
    `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'`,
  );
  res.setHeader('content-type', 'text/html; charset=utf-8');
  if (req.headers[CAPTURE_HEADER] !== undefined && !req.url.startsWith('/en/import'))
    res.setHeader(CACHEABLE_HEADER, 'build');
  res.write(`<!DOCTYPE html><html><body><p>${req.url} built from ${version}</p>`);
  res.end(
    `<script nonce="${nonce}">self.__next_f.push([1,"${version}"])</script><script>injected()</script></body></html>`,
  );
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
