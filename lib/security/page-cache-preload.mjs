/**
 * Preloaded into `next start` (peer-preload.mjs imports it, so `npm start` has it): the cache of
 * pages and answers (page-cache.mjs) in front of Next. A GET is answered from memory when its
 * answer was kept for the build now published; otherwise Next answers it, as it always did (a page
 * with a fresh nonce policy, streamed), and what it sends is copied on the way out and kept when
 * the page or route marked it as depending only on the URL and the build.
 *
 * Without this preload nothing changes: every page is rendered per request with its nonce.
 * DUIZHAO_PAGE_CACHE=off turns it off (to measure what it saves); DUIZHAO_PAGE_CACHE_MB bounds it
 * (64 MB by default, least recently used dropped first).
 */
import http from 'node:http';
import {
  BUILD_VERSION_KEY,
  CACHEABLE_HEADER,
  CAPTURE_HEADER,
  cacheEntry,
  isCacheableRequest,
  PageCache,
  servedPage,
  urlPath,
} from './page-cache.mjs';

// The preload is plain Node: it reads its two settings here, once (lib/config.ts is TypeScript).
const setting = process.env.DUIZHAO_PAGE_CACHE;
const megabytes = Number(process.env.DUIZHAO_PAGE_CACHE_MB ?? 64);
const enabled = setting !== 'off' && setting !== '0';

/** The published build's version as the app's store sees it; null before the store has loaded. */
async function buildVersion() {
  const version = globalThis[BUILD_VERSION_KEY];
  if (typeof version !== 'function') return null;
  try {
    return await version();
  } catch {
    return null;
  }
}

/**
 * Copies what Next writes to `res` while letting it through unchanged, and removes the proxy's
 * cacheable mark before the headers leave. `done` gets the answer once it is complete.
 */
function copyResponse(res, done) {
  const chunks = [];
  let size = 0;
  const limit = cache.maxEntryBytes;
  const add = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > limit) return;
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
        : Buffer.from(chunk);
    size += buffer.length;
    if (size <= limit) chunks.push(buffer);
  };
  let marked = false;
  let writeHeadHeaders = {};
  const { writeHead, write, end } = res;
  res.writeHead = function writeHeadUnmarked(status, ...rest) {
    if (res.getHeader(CACHEABLE_HEADER) !== undefined) marked = true;
    res.removeHeader(CACHEABLE_HEADER);
    const headers = rest.find((a) => a !== null && typeof a === 'object');
    // Next sets headers with setHeader; headers given here are copied too, but never as an array.
    if (headers && !Array.isArray(headers)) {
      writeHeadHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
      if (writeHeadHeaders[CACHEABLE_HEADER] !== undefined) marked = true;
      for (const key of Object.keys(headers)) if (key.toLowerCase() === CACHEABLE_HEADER) delete headers[key];
    }
    return writeHead.call(this, status, ...rest);
  };
  res.write = function writeCopied(chunk, encoding, ...rest) {
    add(chunk, encoding);
    return write.call(this, chunk, encoding, ...rest);
  };
  res.end = function endCopied(chunk, encoding, ...rest) {
    if (!res.headersSent && res.getHeader(CACHEABLE_HEADER) !== undefined) {
      marked = true;
      res.removeHeader(CACHEABLE_HEADER);
    }
    const headers = { ...res.getHeaders(), ...writeHeadHeaders };
    add(chunk, encoding);
    const result = end.call(this, chunk, encoding, ...rest);
    if (marked) headers[CACHEABLE_HEADER] = 'build';
    else delete headers[CACHEABLE_HEADER];
    done({ status: res.statusCode, headers, body: size <= limit ? Buffer.concat(chunks) : null });
    return result;
  };
}

function send(res, { status, headers, body }) {
  res.writeHead(status, headers);
  res.end(body ?? undefined);
}

const cache = new PageCache({ maxBytes: (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 64) * 1024 * 1024 });

/**
 * Paths whose answer is per request (the import page, an export): a 200 without the cacheable
 * mark. They are not copied again, so they keep Next's compression and lose nothing to the copy.
 */
const perRequest = new Set();
function rememberPerRequest(url) {
  if (perRequest.size >= 1000) perRequest.delete(perRequest.values().next().value);
  perRequest.add(urlPath(url));
}

/** Answers from the cache, or hands the request to Next (`pass`) and keeps what it answers. */
async function handle(request, res, pass) {
  const version = await buildVersion();
  const key = request.url;
  const entry = version === null ? undefined : cache.get(key, version);
  if (entry !== undefined) {
    send(res, servedPage(entry, request.headers));
    return;
  }
  if (version !== null) {
    // The copy is kept uncompressed (it is compressed once, when kept); the proxy marks pages
    // that depend only on their URL and the build, and only when this header asks.
    delete request.headers['accept-encoding'];
    // No page that may be kept reads cookies; without them next-intl always sets its locale
    // cookie, so the copy knows it (page-cache.mjs, keptCookie).
    delete request.headers.cookie;
    request.headers[CAPTURE_HEADER] = '1';
    copyResponse(res, (answer) => {
      if (answer.status === 200 && answer.headers[CACHEABLE_HEADER] === undefined) rememberPerRequest(key);
      if (answer.body === null) return;
      void buildVersion().then((after) => {
        // A build published during the render: the page may mix the two, so it is not kept.
        if (after !== version) return;
        try {
          const page = cacheEntry({ ...answer, version });
          if (page !== null) cache.set(key, page);
        } catch (error) {
          console.error('page cache: a page could not be kept', error);
        }
      });
    });
  }
  pass();
}

const MARK = Symbol.for('duizhao.pageCache');
if (enabled && !globalThis[MARK]) {
  globalThis[MARK] = cache;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitCached(event, ...args) {
    if (event !== 'request') return emit.call(this, event, ...args);
    const [request, res] = args;
    // Only this preload may ask for a copy: a client's header of that name is dropped.
    if (request?.headers) delete request.headers[CAPTURE_HEADER];
    if (
      !request?.headers ||
      !res ||
      !isCacheableRequest(request.method, request.url, request.headers) ||
      perRequest.has(urlPath(request.url))
    ) {
      return emit.call(this, event, ...args);
    }
    let passed = false;
    const pass = () => {
      passed = true;
      emit.call(this, event, ...args);
    };
    handle(request, res, pass).catch((error) => {
      console.error('page cache: falling back to Next', error);
      if (!passed && !res.headersSent) pass();
    });
    return true;
  };
}
