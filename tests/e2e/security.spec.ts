import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { manifest, openReader, recordDialogs, shot, translatedDoc } from './support';

test('translations: javascript: links and inline handlers are inert, no dialog ever opens (row 28)', async ({
  page,
}, testInfo) => {
  // Every translated document is opened and every link in it clicked: the work grows with the
  // corpus, so the test has more than the default 30 s.
  test.setTimeout(90_000);
  const dialogs = recordDialogs(page);
  const translated = manifest().docs.filter((d) => d.meta.translation);
  expect(translated.length).toBeGreaterThan(0);
  for (const { meta } of translated) {
    await page.goto(`/en/read/${meta.id}`);
    await expect(page.locator('.pair').first()).toBeVisible();
    // Nothing executable survived the ingest's sanitiser.
    await expect(page.locator('[href^="javascript:" i], [src^="javascript:" i]')).toHaveCount(0);
    await expect(page.locator('[onerror], [onclick], [onload], [onmouseover]')).toHaveCount(0);
    await expect(page.locator('.cell-en script, .cell-en iframe, .cell-en object, .cell-en embed')).toHaveCount(0);
    // Click every link of the translation that stays on the page (no href or a fragment, and
    // any javascript: one should it have survived): none may run script.
    const links = page.locator('.cell-en a');
    const count = await links.count();
    for (let i = 0; i < count; i++) {
      const link = links.nth(i);
      const href = (await link.getAttribute('href')) ?? '';
      if (href !== '' && !href.startsWith('#') && !/^\s*javascript:/i.test(href)) continue; // would leave the page
      await link.scrollIntoViewIfNeeded();
      await link.click({ force: true, noWaitAfter: true });
    }
    await page.waitForTimeout(200);
  }
  expect(dialogs).toEqual([]);
  await shot(page, testInfo, 'no-dialog');
});

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

/** The inline scripts of a page (no `src`), as `[attributes, body]`. */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attrs]) => !/\ssrc\s*=/i.test(attrs!))
    .map(([, attrs, body]) => [attrs!, body!] as const);

const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

test('every page answers with a strict policy: its scripts by nonce or by hash, nothing inline else, no framing @desktop', async ({
  request,
}) => {
  const doc = translatedDoc();
  /** Pages that depend only on their URL and the build: rendered once, then served from the cache. */
  const kept = [
    '/en',
    '/zh-Hans',
    '/zh-Hant/glossary',
    `/en/read/${doc.meta.id}`,
    '/en/search?q=合作',
    '/en/term/合作',
    '/en/vocabulary',
  ];
  /** Rendered for each request, with a fresh nonce: not found, a file, the import page (it reads who asks). */
  const perRequest = ['/en/no-such-page', '/no-such-file.txt', '/en/import'];
  const nonces: string[] = [];
  const hashed = new Set<string>();
  // Twice each: the first answer may be the render the cache copies, the second is what it keeps.
  for (const path of [...kept, ...perRequest, ...kept, ...perRequest]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    for (const [name, value] of Object.entries(COMMON)) expect(headers[name], `${path} ${name}`).toBe(value);
    const policy = directives(headers['content-security-policy']);
    const scripts = policy.get('script-src') ?? [];
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).not.toContain("'unsafe-eval'");
    expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
    expect(policy.get('object-src'), path).toEqual(["'none'"]);
    expect(policy.get('base-uri'), path).toEqual(["'self'"]);
    const html = await response.text();
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length, `${path} has scripts`).toBeGreaterThan(0);
    const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
    if (nonce !== undefined) {
      // Rendered for this response: every script carries its nonce, so the browser runs exactly those.
      nonces.push(nonce);
      for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
    } else {
      // Served from the cache: each inline script is allowed by its own hash, and the external ones
      // come from this origin ('strict-dynamic' would ignore 'self').
      hashed.add(path);
      expect(perRequest, `${path} is rendered per request`).not.toContain(path);
      expect(scripts, path).not.toContain("'strict-dynamic'");
      expect(scripts[0], path).toBe("'self'");
      expect(html, path).not.toMatch(/\snonce="/);
      const inline = inlineScripts(html);
      expect(inline.length, `${path} has inline scripts`).toBeGreaterThan(0);
      for (const [, body] of inline)
        expect(scripts, `${path}: an inline script without its hash`).toContain(sha256Source(body));
      expect(scripts.length, `${path}: no hash for a script the page does not hold`).toBe(
        1 + new Set(inline.map(([, body]) => body)).size,
      );
      for (const src of html.match(/<script\b[^>]*\ssrc="([^"]*)"/g) ?? []) expect(src, path).toMatch(/src="\/_next\//);
    }
  }
  // A fresh nonce for each response that has one: one that repeats could be copied into an injected script.
  expect(new Set(nonces).size).toBe(nonces.length);
  // Every page that may be kept was served from the cache the second time.
  expect([...hashed].sort()).toEqual([...kept].sort());
});

test('every API answers with a policy that runs nothing, whatever the status @desktop', async ({ request }) => {
  const doc = translatedDoc();
  const apis = [
    '/api/search?q=合作',
    '/api/search',
    '/api/gloss?w=合作',
    '/api/term?term=合作',
    `/api/reader?doc=${doc.meta.id}&from=0&to=2`,
    '/api/reader?doc=..%2Fmanifest',
    `/api/reader/plot?doc=${doc.meta.id}`,
    '/api/reader/plot?doc=..%2Fmanifest',
    '/api/export?format=csv',
    '/api/no-such-endpoint',
  ];
  for (const path of apis) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    const headers = response.headers();
    for (const [name, value] of Object.entries(COMMON)) expect(headers[name], `${path} ${name}`).toBe(value);
    const policy = directives(headers['content-security-policy']);
    expect(policy.get('default-src'), path).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
  }
});

test('the pages run under the policy with no violation, and an injected inline handler is refused', async ({
  page,
}, testInfo) => {
  // Recorded from the first script on, before the page's own (init scripts are not subject to CSP).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  const doc = translatedDoc();
  for (const path of ['/en', '/en/search?q=合作', '/en/term/合作', '/en/glossary', '/en/vocabulary']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await violations(), path).toEqual([]);
  }
  // The reader hydrates (its words become focusable), loads the rest of the text and a popover's code.
  await openReader(page, `/en/read/${doc.meta.id}`);
  await page.locator('.cell-zh .w').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations()).toEqual([]);
  // What an XSS would try: markup with an inline handler slipped into the page.
  await page.evaluate(() =>
    document.body.insertAdjacentHTML('beforeend', '<img alt="" src="/no-such.png" onerror="window.__ran = true">'),
  );
  await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src/));
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  await shot(page, testInfo, 'csp-reader');
});

test('corpus text holding <img onerror> is shown as text inside a highlighted hit, and runs nothing (row 23)', async ({
  page,
}, testInfo) => {
  const dialogs = recordDialogs(page);
  await page.goto(`/en/search?q=${encodeURIComponent('安全漏洞')}`);
  const hit = page.locator('.hit').filter({ hasText: '安全漏洞' }).first();
  await expect(hit).toBeVisible();
  // The markup is in the hit as characters, beside the highlighted query, and is no element.
  await expect(hit).toContainText('<img src=x onerror=alert(1)>');
  await expect(hit.locator('mark').first()).toBeVisible();
  await expect(hit.locator('img')).toHaveCount(0);
  await expect(page.locator('[onerror]')).toHaveCount(0);
  await page.waitForTimeout(200);
  expect(dialogs).toEqual([]);
  await shot(page, testInfo, 'hit-markup-as-text');
});
