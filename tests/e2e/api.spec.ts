import { request as httpRequest } from 'node:http';
import { expect, test, type APIResponse } from '@playwright/test';
import { shot, translatedDoc } from './support';
import type { SearchAnswer } from '../../app/api/_types';

/**
 * A request with the path and method sent exactly as written (Playwright's request API would
 * resolve `//host` as a URL of its own, and fetch refuses TRACE), redirects not followed.
 */
function rawRequest(
  baseURL: string,
  path: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<{
  status: number;
  location?: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const base = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: base.hostname, port: base.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, location: res.headers.location, headers: res.headers, body }),
      );
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${path}`)));
    req.end();
  });
}

/** A GET sent exactly as written: its status and where it redirects. */
async function rawGet(
  baseURL: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; location?: string }> {
  const { status, location } = await rawRequest(baseURL, path, { headers });
  return location === undefined ? { status } : { status, location };
}

/** A client error answered in JSON with a message (never a 500, never HTML). */
async function expectJsonError(response: APIResponse, status: number, what: string) {
  expect(response.status(), what).toBe(status);
  expect(response.headers()['content-type'], what).toContain('application/json');
  const body = (await response.json()) as { error?: unknown };
  expect(typeof body.error, what).toBe('string');
}

test('search API: a missing, empty or blank q is a 400 (row 17)', async ({ request, page }, testInfo) => {
  for (const query of ['', '?q=', '?q=%20%20%09', '?q=+', '?doc=x', '?Q=a']) {
    await expectJsonError(await request.get(`/api/search${query}`), 400, query);
  }
  await page.goto('/api/search?q=');
  await expect(page.locator('body')).toContainText('"error"');
  await shot(page, testInfo, 'api-empty');
});

test('search API: overlong queries and big bodies are refused quickly (row 18)', async ({
  request,
  page,
}, testInfo) => {
  await expectJsonError(await request.get(`/api/search?q=${'合'.repeat(201)}`), 400, '201 characters');
  const started = Date.now();
  const huge = await request.get(`/api/search?q=${'a'.repeat(100_000)}`);
  expect([400, 413, 414, 431]).toContain(huge.status());
  const body = await request.post('/api/search?q=a', { data: 'x'.repeat(10 * 1024 * 1024), failOnStatusCode: false });
  expect(body.status()).toBeGreaterThanOrEqual(400);
  expect(body.status()).toBeLessThan(500);
  expect(Date.now() - started).toBeLessThan(10_000);
  // The limit is in code points: 200 Extension-B characters (400 UTF-16 units) are allowed.
  await expect(await request.get(`/api/search?q=${encodeURIComponent('𠀀'.repeat(200))}`)).toBeOK();
  await page.goto(`/api/search?q=${'合'.repeat(201)}`);
  await shot(page, testInfo, 'api-too-long');
});

test('search API: a repeated q, or q that is not a string, is a 400 (row 19)', async ({ request, page }, testInfo) => {
  for (const query of [
    '?q=a&q=b',
    '?q=a&q=a',
    '?q[]=a',
    '?q[a]=1',
    '?q=a&limit=0',
    '?q=a&limit=101',
    '?q=a&limit=ten',
    '?q=a&offset=-1',
    '?q=a&limit=1&limit=2',
    '?q=a&doc=../x',
  ]) {
    await expectJsonError(await request.get(`/api/search${query}`), 400, query);
  }
  // JSON bodies are not part of the API: q as a number, object or array never reaches the index.
  for (const data of [{ q: 1 }, { q: { a: 1 } }, { q: ['a', 'b'] }]) {
    const response = await request.post('/api/search', { data });
    expect(response.status(), JSON.stringify(data)).toBeGreaterThanOrEqual(400);
    expect(response.status(), JSON.stringify(data)).toBeLessThan(500);
  }
  await page.goto('/api/search?q=a&q=b');
  await shot(page, testInfo, 'api-repeated');
});

test('search API: broken percent-encoding, lone surrogates and NUL are 400s (row 20)', async ({
  request,
  page,
}, testInfo) => {
  for (const raw of ['%E4%B8', '%ED%A0%80', '%00', 'a%00b', '%C0%AF', '%FF', '%EF%BF%BD']) {
    await expectJsonError(await request.get(`/api/search?q=${raw}`), 400, raw);
  }
  // A bare or malformed escape is taken literally (the server re-encodes it): sanitised, not an error.
  for (const raw of ['%', '%zz', '100%']) {
    const response = await request.get(`/api/search?q=${raw}`);
    expect([200, 400], raw).toContain(response.status());
  }
  await page.goto('/api/search?q=%E4%B8');
  await shot(page, testInfo, 'api-broken-encoding');
});

test('search API: hostile-looking queries get a normal JSON answer (row 21)', async ({ request, page }, testInfo) => {
  for (const q of [
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '*',
    '\\',
    '<script>alert(1)</script>',
    '"',
    'prototype',
  ]) {
    const response = await request.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect([200, 400], q).toContain(response.status());
    expect(response.headers()['content-type'], q).toContain('application/json');
    const body = (await response.json()) as { total?: number; hits?: unknown[]; error?: string };
    if (response.status() === 200) {
      expect(typeof body.total, q).toBe('number');
      expect(Array.isArray(body.hits), q).toBe(true);
    } else {
      expect(typeof body.error, q).toBe('string');
    }
  }
  await page.goto(`/api/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  await shot(page, testInfo, 'api-hostile');
});

test('search API: a good query answers { total, hits } and pages', async ({ request, page }, testInfo) => {
  const q = encodeURIComponent('合作');
  const all = await request.get(`/api/search?q=${q}&limit=100`);
  await expect(all).toBeOK();
  const { total, hits } = (await all.json()) as SearchAnswer;
  expect(total).toBeGreaterThan(0);
  expect(hits.length).toBe(Math.min(total, 100));
  // Each hit is its matching sentence pairs, the query's matches as offsets into their own text.
  for (const hit of hits) {
    expect(hit.sentences.length).toBeGreaterThan(0);
    const matched = hit.sentences.flatMap((s) => s.zh.match.map(([a, b]) => s.zh.text.slice(a, b)));
    expect(matched.length).toBeGreaterThan(0);
    for (const m of matched) expect(m).toBe('合作');
    // Lean: the pair's whole paragraphs are the reader's, not the answer's.
    expect(Object.keys(hit).sort()).toEqual(['docId', 'more', 'pair', 'sentences']);
  }
  // The words aligned with 合作 in the English sentence, marked by the word links.
  const linked = hits.flatMap((h) => h.sentences.flatMap((s) => s.en.linked.map(([a, b]) => s.en.text.slice(a, b))));
  expect(linked.filter((w) => /^cooperat/i.test(w)).length).toBeGreaterThan(linked.length / 2);
  const second = (await (await request.get(`/api/search?q=${q}&limit=1&offset=1`)).json()) as {
    total: number;
    hits: typeof hits;
  };
  expect(second.total).toBe(total);
  if (total > 1) expect(second.hits[0]?.pair).toBe(hits[1]?.pair);
  const doc = translatedDoc().meta.id;
  const inDoc = (await (await request.get(`/api/search?q=${q}&doc=${doc}`)).json()) as { hits: typeof hits };
  for (const hit of inDoc.hits) expect(hit.docId).toBe(doc);
  await expectJsonError(await request.get(`/api/search?q=${q}&doc=no-such-doc`), 404, 'unknown doc');
  await page.goto(`/api/search?q=${q}&limit=2`);
  await shot(page, testInfo, 'api-search');
});

test('search and reader APIs: the ETag names the build and the input, and a client holding it gets a 304', async ({
  request,
  page,
}, testInfo) => {
  const doc = translatedDoc().meta.id;
  for (const [path, other] of [
    [`/api/search?q=${encodeURIComponent('合作')}&limit=5`, `/api/search?q=${encodeURIComponent('合作')}&limit=6`],
    [`/api/reader?doc=${doc}&from=0&to=3`, `/api/reader?doc=${doc}&from=0&to=4`],
  ] as const) {
    const first = await request.get(path);
    await expect(first).toBeOK();
    const tag = first.headers()['etag'];
    expect(tag, path).toMatch(/^"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+"$/);
    expect(first.headers()['cache-control'], path).toContain('no-cache');
    const again = await request.get(path, { headers: { 'If-None-Match': tag! } });
    expect(again.status(), path).toBe(304);
    expect(again.headers()['etag'], path).toBe(tag);
    expect((await again.body()).length, path).toBe(0);
    // Another input is another answer: a full 200 under its own tag, even with the first tag sent.
    const changed = await request.get(other, { headers: { 'If-None-Match': tag! } });
    expect(changed.status(), other).toBe(200);
    expect(changed.headers()['etag'], other).not.toBe(tag);
    // A stale or foreign tag gets the answer in full.
    expect((await request.get(path, { headers: { 'If-None-Match': '"stale.tag"' } })).status(), path).toBe(200);
  }
  await page.goto(`/api/reader?doc=${doc}&from=0&to=1`);
  await shot(page, testInfo, 'api-reader-etag');
});

test('gloss API: one Han or Latin word of 1–32 characters, else a 400', async ({ request, page }, testInfo) => {
  const good = await request.get(`/api/gloss?w=${encodeURIComponent('合作')}`);
  await expect(good).toBeOK();
  const body = (await good.json()) as { word: string; entries: Array<{ pinyin: string; senses: string[] }> };
  expect(body.word).toBe('合作');
  expect(body.entries.length).toBeGreaterThan(0);
  expect(body.entries[0]?.senses.length).toBeGreaterThan(0);

  for (const query of [
    '',
    '?w=',
    '?w=a&w=b',
    `?w=${'合'.repeat(33)}`,
    '?w=1',
    '?w=%3Cscript%3E',
    '?w=__proto__',
    '?w=%E4%B8',
    '?w=%00',
    '?w=a%20b',
    '?w[]=a',
  ]) {
    await expectJsonError(await request.get(`/api/gloss${query}`), 400, query);
  }
  for (const w of ['constructor', 'toString', '𠀀']) {
    const response = await request.get(`/api/gloss?w=${encodeURIComponent(w)}`);
    await expect(response, w).toBeOK();
    const answer = (await response.json()) as { entries: unknown[] };
    expect(Array.isArray(answer.entries), w).toBe(true);
  }
  await expectJsonError(await request.get('/api/no-such-endpoint'), 404, 'unknown endpoint');
  await page.goto(`/api/gloss?w=${encodeURIComponent('合作')}`);
  await shot(page, testInfo, 'api-gloss');
});

test('no redirect leaves the site, and x-middleware-subrequest changes nothing (rows 26, 27)', async ({
  page,
  baseURL,
}, testInfo) => {
  const base = baseURL ?? 'http://127.0.0.1:3100';
  const origin = new URL(base).host;
  for (const path of [
    '//evil.example',
    '//evil.example/en',
    '/en/%5Cevil.example',
    '/%5Cevil.example',
    '/en/%09/evil.example',
    '/%09/evil.example',
    '/%2F%2Fevil.example',
    '/\\evil.example',
    '/en//evil.example',
  ]) {
    const { status, location } = await rawGet(base, path);
    if (location) expect(new URL(location, base).host, `${path} → ${location}`).toBe(origin);
    expect(status, path).toBeLessThan(500);
  }
  const forgedHeader = 'proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware';
  for (const path of ['/', '/en', '/read/x', '/en/read/no-such-document']) {
    const plain = await rawGet(base, path, { 'accept-language': 'en' });
    const forged = await rawGet(base, path, { 'accept-language': 'en', 'x-middleware-subrequest': forgedHeader });
    expect(forged, path).toEqual(plain);
  }
  await page.goto('/en/%5Cevil.example');
  await shot(page, testInfo, 'no-open-redirect');
});

test('row 22.4: a path that is not valid percent-encoding is a 400 and TRACE a 405, both with the security headers', async ({
  baseURL,
}) => {
  const base = baseURL ?? 'http://127.0.0.1:3100';
  const hasHeaders = (headers: Record<string, string | string[] | undefined>, what: string) => {
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['x-frame-options'], what).toBe('DENY');
    expect(headers['content-security-policy'], what).toContain("default-src 'none'");
    expect(headers['content-type'], what).toContain('application/json');
  };
  for (const path of [
    '/%ff',
    '/en/term/%ED%A0%80',
    '/en/read/%C0%AE%C0%AE',
    '/api/search/%ff',
    '/en/read/%zz',
    '/zh-Hans/term/%E5%90',
  ]) {
    const answer = await rawRequest(base, path);
    expect(answer.status, path).toBe(400);
    hasHeaders(answer.headers, path);
    expect(JSON.parse(answer.body).error, path).toMatch(/percent-encoded/);
  }
  for (const path of ['/', '/en', '/api/search?q=%E5%90%88', '/%ff']) {
    const answer = await rawRequest(base, path, { method: 'TRACE', headers: { 'x-secret': 'echo me' } });
    expect(answer.status, `TRACE ${path}`).toBe(405);
    hasHeaders(answer.headers, `TRACE ${path}`);
    expect(answer.headers.allow).toContain('GET');
    expect(answer.body).not.toContain('echo me');
  }
  // Good encodings still reach their pages.
  expect((await rawRequest(base, `/en/search?q=${encodeURIComponent('合作')}`)).status).toBe(200);
});

test('row 22.7h: in the browser, a reader address with a NUL after a real id is "page not found", never that document', async ({
  page,
}, testInfo) => {
  const doc = translatedDoc();
  for (const id of [`${doc.meta.id}%00`, `${doc.meta.id}%00x`, 'con%00', '%00']) {
    const response = await page.goto(`/en/read/${id}`);
    expect(response?.status(), id).toBeGreaterThanOrEqual(400);
    expect(response?.status(), id).toBeLessThan(500);
    await expect(page.locator('[data-pair]'), id).toHaveCount(0);
    await expect(page.locator('body'), id).not.toContainText(doc.meta.title.zh);
  }
  await shot(page, testInfo, 'read-nul-id');
  // The same id without the NUL is the document.
  const good = await page.goto(`/en/read/${doc.meta.id}`);
  expect(good?.status()).toBe(200);
  await expect(page.locator('body')).toContainText(doc.meta.title.zh);
});

test('search API, property: any query string at all is a 200 or a 400, never a 500 @desktop', async ({ request }) => {
  // Random strings of any code points, percent-encoded as a browser would (lone surrogates become
  // U+FFFD there, so they are also sent raw, as %ED%A0%80, by the row 20 test above).
  const { default: fc } = await import('fast-check');
  const queries = fc.sample(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary-ascii', maxLength: 40 }),
      fc.string({ maxLength: 40 }),
    ),
    { numRuns: 150, seed: 7 },
  );
  for (const q of queries) {
    const response = await request.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect([200, 400], JSON.stringify(q)).toContain(response.status());
    expect(response.headers()['content-type'], JSON.stringify(q)).toContain('application/json');
  }
});
