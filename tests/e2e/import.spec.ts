/**
 * The import page and API against their own `next start` (tests/e2e/import-server.sh: a corpus and
 * build of their own in .e2e-import/, so the documents saved here never reach the build the other
 * specs count). Paste, preview, merge, split, undo, save, the reader showing the corrected pairs,
 * a re-ingest keeping them, a correction of an existing document; the write permission from a
 * non-loopback address with and without the token; bad input answered 4xx.
 */
import { execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { IMPORT_PORT, IMPORT_TOKEN } from '../../playwright.config';
import { PREVIEW_WINDOW } from '../../lib/import/workload';
import { shot } from './support';

const LOCAL = `http://127.0.0.1:${IMPORT_PORT}`;
const CORPUS = path.resolve('.e2e-import/corpus');
const BUILD = path.resolve('.e2e-import/build');
const ZH = readFileSync('tests/fixtures/import/zh.txt', 'utf8');
const EN = readFileSync('tests/fixtures/import/en.md', 'utf8');
const DOC_ID = '2026-01-02-import-e2e';

test.use({ baseURL: LOCAL });

/** The machine's own non-loopback address: a request to it comes from a non-local peer. */
function remoteBase(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && !a.internal && a.family === 'IPv4')?.address;
  if (!address) throw new Error('This machine has no non-loopback IPv4 address: the permission test needs one.');
  return `http://${address}:${IMPORT_PORT}`;
}

const pairRows = (page: Page) => page.locator('ol.pairs > li.pair-row');

/** The pairs the editor shows, as "zh blocks|en blocks" per row. */
async function editorPairs(page: Page): Promise<string[]> {
  return pairRows(page).evaluateAll((rows) =>
    rows.map((row) => {
      const ids = (side: string) =>
        [...row.querySelectorAll(`.${side} [data-block]`)].map((b) => b.getAttribute('data-block')).join(',');
      return `${ids('pair-zh')}|${ids('pair-en')}`;
    }),
  );
}

async function pastePreview(page: Page) {
  await page.locator('#side-zh').fill(ZH);
  await page.locator('#side-en').fill(EN);
  // Pasted text has no file name to tell its format by: the translation is Markdown.
  await page.locator('.side-input:has(#side-en) select').selectOption('markdown');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(pairRows(page)).toHaveCount(4, { timeout: 60_000 });
}

const form = (fields: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>) => ({
  multipart: fields,
});

async function previewStatus(request: APIRequestContext, base: string, headers: Record<string, string> = {}) {
  const response = await request.post(`${base}/api/import/preview`, { headers, ...form({ zh: ZH }) });
  return response.status();
}

test.describe.configure({ mode: 'serial' });

/** A retry (CI retries a failed serial group from its first test) starts from the corpus the server started with. */
test.beforeAll(({}, testInfo) => {
  if (testInfo.retry === 0 || !existsSync(path.join(CORPUS, DOC_ID))) return;
  rmSync(path.join(CORPUS, DOC_ID), { recursive: true, force: true });
  execFileSync('npx', ['tsx', 'lib/cli.ts', 'ingest', '--corpus', CORPUS, '--build', BUILD], { stdio: 'pipe' });
});

test('paste, preview, merge, split, undo, save: the reader shows the corrected pairs, and a re-ingest keeps them @desktop', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto('/en');
  await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/en\/import$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await expect(page.getByText('Read-only')).toHaveCount(0);

  await pastePreview(page);
  await expect(page.locator('.preview-summary')).toContainText('Encoding utf-8');
  await expect(page.locator('.preview-summary')).toContainText('simplified');
  // The aligner folded the untranslated paragraph into pair 3: two Chinese blocks, one English.
  expect(await editorPairs(page)).toEqual(['0|0', '1|1', '2,3|2', '4|3']);
  await expect(page.getByText('Keys: j / k next / previous pair')).toBeVisible();
  await shot(page, testInfo, 'import-preview', true);

  // Split pair 3 after its first Chinese block: the untranslated paragraph stands alone.
  await pairRows(page).nth(2).getByRole('button', { name: 'Split' }).click();
  const panel = page.getByRole('group', { name: 'Split pair 3' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Split here' }).click();
  expect(await editorPairs(page)).toEqual(['0|0', '1|1', '2|2', '3|', '4|3']);
  await expect(pairRows(page).nth(3).locator('.empty-side')).toHaveText('no translation');

  // Keyboard: k to the first pair, m merges it with the next, u undoes, m again.
  await pairRows(page).nth(3).click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('k');
  await expect(pairRows(page).nth(0)).toHaveClass(/focused/);
  await page.keyboard.press('m');
  expect(await editorPairs(page)).toEqual(['0,1|0,1', '2|2', '3|', '4|3']);
  await page.keyboard.press('u');
  expect(await editorPairs(page)).toEqual(['0|0', '1|1', '2|2', '3|', '4|3']);
  await pairRows(page).nth(0).getByRole('button', { name: 'Merge with next' }).click();
  expect(await editorPairs(page)).toEqual(['0,1|0,1', '2|2', '3|', '4|3']);
  await expect(page.locator('.pairs-summary')).toContainText('4 pairs');

  // Re-align the sentences inside the corrected pairs (the preview with the corrections).
  await page.getByRole('button', { name: 'Re-align the sentences' }).click();
  await expect(pairRows(page).nth(0).locator('details.pair-sentences summary')).toHaveText('3 sentence pairs', {
    timeout: 60_000,
  });
  expect(await editorPairs(page)).toEqual(['0,1|0,1', '2|2', '3|', '4|3']);
  await shot(page, testInfo, 'import-edited', true);

  await page.getByLabel('Title (Chinese)').fill('导入测试');
  await page.getByLabel('Title (English)').fill('Import test');
  await page.getByLabel('Translator').fill('Jane Doe');
  await page.getByLabel('Date').fill('2026-01-02');
  await page.getByLabel('Document id (optional)').fill(DOC_ID);
  await page.getByRole('button', { name: 'Save to the corpus' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/read/${DOC_ID}$`), { timeout: 120_000 });
  await expect(page.locator('.provenance')).toContainText('English translation by Jane Doe.');

  // The reader: four pairs, the third Chinese-only, the corrected ones as saved.
  const readerPairs = page.locator('.pair');
  await expect(readerPairs).toHaveCount(4);
  await expect(readerPairs.nth(0)).toContainText('两国元首举行会谈');
  await expect(readerPairs.nth(0)).toContainText('Both sides agreed to strengthen cooperation');
  await expect(readerPairs.nth(0)).not.toContainText('# China');
  await expect(readerPairs.nth(2)).toHaveClass(/pair-unaligned/);
  await expect(readerPairs.nth(2)).toContainText('这一段没有译文');
  await shot(page, testInfo, 'import-saved-reader');

  // The correction is kept with the document, and a full re-ingest (no cache) keeps the pairs.
  const saved = JSON.parse(readFileSync(path.join(CORPUS, DOC_ID, 'alignment.json'), 'utf8')) as { pairs: unknown };
  expect(saved.pairs).toEqual([
    { zh: [0, 1], en: [0, 1] },
    { zh: [2], en: [2] },
    { zh: [3], en: [] },
    { zh: [4], en: [3] },
  ]);
  execFileSync('npx', ['tsx', 'lib/cli.ts', 'ingest', '--full', '--corpus', CORPUS, '--build', BUILD], {
    stdio: 'pipe',
  });
  const built = JSON.parse(readFileSync(path.join(BUILD, 'docs', `${DOC_ID}.json`), 'utf8')) as {
    pairs: Array<{ zh: number[]; en: number[] }>;
  };
  expect(built.pairs.map((p) => ({ zh: p.zh, en: p.en }))).toEqual(saved.pairs);
  await page.reload();
  await expect(page.locator('.pair')).toHaveCount(4);
  // The library of the running app lists it too (no restart, no rebuild of the app).
  await page.goto('/en');
  await expect(page.getByRole('heading', { level: 2, name: '导入测试 Import test' })).toBeVisible();
  await expect(page.getByRole('link', { name: '导入测试', exact: true })).toHaveAttribute('href', `/en/read/${DOC_ID}`);
});

test('an existing document: open its alignment from the reader, split a pair, save; the reader shows it without a restart @desktop', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(`/en/read/${DOC_ID}`);
  // The link sits with the document's details, folded below the title so the text comes first.
  await page.locator('details.doc-details > summary').click();
  await page.getByRole('link', { name: 'Correct the alignment' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/import\\?doc=${DOC_ID}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Correct the alignment' })).toBeVisible();
  expect(await editorPairs(page)).toEqual(['0,1|0,1', '2|2', '3|', '4|3']);
  const save = page.getByRole('button', { name: 'Save corrections' });
  await expect(save).toBeDisabled();
  await pairRows(page).nth(0).getByRole('button', { name: 'Split' }).click();
  await page.getByRole('group', { name: 'Split pair 1' }).getByRole('button', { name: 'Split here' }).click();
  expect(await editorPairs(page)).toEqual(['0|0', '1|1', '2|2', '3|', '4|3']);
  await save.click();
  await expect(page).toHaveURL(new RegExp(`/en/read/${DOC_ID}$`), { timeout: 120_000 });
  await expect(page.locator('.pair')).toHaveCount(5);
  await expect(page.locator('.pair').nth(1)).toContainText('双方同意加强合作');
});

test('writes from a non-loopback address need the token; forged headers do not help; cross-site is refused @desktop', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const remote = remoteBase();
  const refused = await request.post(`${remote}/api/import/preview`, form({ zh: ZH }));
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatch(/localhost.*DUIZHAO_WRITE_TOKEN/);
  // What a client can claim about itself changes nothing: the peer comes from the socket.
  expect(
    await previewStatus(request, remote, {
      'X-Forwarded-For': '127.0.0.1',
      'X-Real-IP': '127.0.0.1',
      'X-Duizhao-Peer': '127.0.0.1',
    }),
  ).toBe(403);
  expect(await previewStatus(request, remote, { Authorization: 'Bearer wrong-token' })).toBe(403);
  expect(await previewStatus(request, remote, { Authorization: `Bearer ${IMPORT_TOKEN}` })).toBe(200);
  // Locally: allowed without a token, but never from a page of another site.
  expect(await previewStatus(request, LOCAL)).toBe(200);
  expect(await previewStatus(request, LOCAL, { Origin: 'https://evil.example' })).toBe(403);
  expect(await previewStatus(request, LOCAL, { 'Sec-Fetch-Site': 'cross-site' })).toBe(403);
  // A save from elsewhere without the token is refused before anything is read or written.
  const put = await request.put(`${remote}/api/import/${DOC_ID}/alignment`, { data: { pairs: [] } });
  expect(put.status()).toBe(403);
});

test('the page in read-only mode from a non-loopback address says why, and offers the token @desktop', async ({
  page,
}) => {
  await page.goto(`${remoteBase()}/en/import`);
  await expect(page.getByRole('heading', { name: 'Read-only' })).toBeVisible();
  await expect(page.getByText(/Writing is allowed from this machine \(localhost\) only/)).toBeVisible();
  await expect(page.locator('#side-zh')).toHaveCount(0);
  await page.getByLabel('Write token').fill(IMPORT_TOKEN);
  await page.getByRole('button', { name: 'Use token' }).click();
  await expect(page.locator('#side-zh')).toBeVisible();
  await pastePreview(page);
});

test('bad input gets a clear 4xx, never a 500 @desktop', async ({ request }) => {
  test.setTimeout(120_000);
  const post = (fields: Parameters<typeof form>[0]) => request.post(`${LOCAL}/api/import/preview`, form(fields));
  const json = await request.post(`${LOCAL}/api/import/preview`, { data: { zh: ZH } });
  expect(json.status()).toBe(415);
  expect((await post({ en: EN })).status()).toBe(400);
  expect((await post({ zh: ZH, zhFormat: 'pdf' })).status()).toBe(400);
  expect((await post({ zh: ZH, extra: 'x' })).status()).toBe(400);
  // GBK bytes said to be UTF-8: the strict decoder's error, with the byte offset.
  const gbk = Buffer.from([0xd6, 0xd0, 0xb9, 0xfa, 0xba, 0xcd, 0xb6, 0xed, 0xc2, 0xde, 0xcb, 0xb9]);
  const bad = await post({ zh: { name: 'gbk.txt', mimeType: 'text/plain', buffer: gbk }, encoding: 'utf-8' });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error).toMatch(/byte|decode|UTF-8/i);
  // Whitespace only: no text.
  expect([400, 422]).toContain((await post({ zh: '   \n\n  ' })).status());
  // Over the size limit: 413, read no further.
  const big = await post({
    zh: { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(9 * 1024 * 1024, 0x61) },
  });
  expect(big.status()).toBe(413);
  // A document saved without a title; a taken id; pairs that skip a block; an unknown document.
  expect((await request.post(`${LOCAL}/api/import`, form({ zh: ZH }))).status()).toBe(400);
  const taken = await request.post(`${LOCAL}/api/import`, form({ zh: ZH, title: '重复', id: DOC_ID }));
  expect(taken.status()).toBe(409);
  const skip = await request.put(`${LOCAL}/api/import/${DOC_ID}/alignment`, {
    data: {
      pairs: [
        { zh: [0], en: [0] },
        { zh: [2], en: [1] },
      ],
    },
  });
  expect(skip.status()).toBe(422);
  expect((await skip.json()).error).toMatch(/out of order/);
  expect((await request.put(`${LOCAL}/api/import/no-such-doc/alignment`, { data: { pairs: [] } })).status()).toBe(404);
  expect((await request.put(`${LOCAL}/api/import/..%2Fetc/alignment`, { data: { pairs: [] } })).status()).toBe(404);
  expect(
    (
      await request.put(`${LOCAL}/api/import/${DOC_ID}/alignment`, {
        headers: { 'Content-Type': 'application/json' },
        data: '{"pairs": [',
      })
    ).status(),
  ).toBe(400);
  // Nothing of all that reached the corpus.
  expect(existsSync(path.join(CORPUS, 'no-such-doc'))).toBe(false);
});

/** A request as curl sends it: any Host header, the body as given. */
function rawSend(
  path: string,
  method: string,
  headers: Record<string, string>,
  body: string | Buffer,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: IMPORT_PORT,
        path,
        method,
        headers: { 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.end(body);
  });
}

test('row 22.2: a write through a rebound name (Host evil.example, matching Origin, same-origin, from loopback) is a 403 @desktop', async () => {
  const boundary = 'x-boundary';
  const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="zh"\r\n\r\n${ZH}\r\n--${boundary}--\r\n`;
  const headers = (host: string) => ({
    host,
    origin: `http://${host}`,
    'sec-fetch-site': 'same-origin',
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  // The curl, to this server's port.
  const rebound = await rawSend('/api/import/preview', 'POST', headers(`evil.example:${IMPORT_PORT}`), multipart);
  expect(rebound.status).toBe(403);
  expect(JSON.parse(rebound.body).error).toMatch(/does not answer as "evil\.example.*DUIZHAO_ALLOWED_HOSTS/);
  const put = await rawSend(
    `/api/import/${DOC_ID}/alignment`,
    'PUT',
    { ...headers(`evil.example:${IMPORT_PORT}`), 'content-type': 'application/json' },
    '{"pairs":[]}',
  );
  expect(put.status).toBe(403);
  // The same request named as localhost is a write from this machine.
  expect((await rawSend('/api/import/preview', 'POST', headers(`localhost:${IMPORT_PORT}`), multipart)).status).toBe(
    200,
  );
  expect(existsSync(path.join(CORPUS, 'rebound-by-evil'))).toBe(false);
});

test('row 22.4: JSON nested 5,000 deep in corrections is a 400, not a 500 (PUT alignment, preview and save) @desktop', async ({
  request,
}) => {
  const deep = `{"version":1,"pairs":[{"zh":${'['.repeat(5000)}${']'.repeat(5000)},"en":[0]}]}`;
  const put = await request.put(`${LOCAL}/api/import/${DOC_ID}/alignment`, {
    headers: { 'Content-Type': 'application/json' },
    data: deep,
  });
  expect(put.status()).toBe(400);
  expect((await put.json()).error).toMatch(/nests deeper than 64 levels/);
  for (const route of ['/api/import/preview', '/api/import']) {
    const answer = await request.post(`${LOCAL}${route}`, form({ zh: ZH, title: '深', corrections: deep }));
    expect(answer.status(), route).toBe(400);
  }
});

test('on a phone (375 px), in Chinese: the editor fits the screen, and merge and split work by touch @phone', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/zh-Hans/import');
  await expect(page.getByRole('heading', { level: 1, name: '导入' })).toBeVisible();
  await page.locator('#side-zh').fill(ZH);
  await page.locator('#side-en').fill(EN);
  await page.locator('.side-input:has(#side-en) select').selectOption('markdown');
  await page.getByRole('button', { name: '预览', exact: true }).click();
  await expect(pairRows(page)).toHaveCount(4, { timeout: 60_000 });
  await pairRows(page).nth(2).getByRole('button', { name: '拆分' }).tap();
  await page.getByRole('group', { name: '拆分第 3 对' }).getByRole('button', { name: '在此拆分' }).tap();
  expect(await editorPairs(page)).toEqual(['0|0', '1|1', '2|2', '3|', '4|3']);
  await pairRows(page).nth(0).getByRole('button', { name: '与下一对合并' }).tap();
  await expect(pairRows(page)).toHaveCount(4);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, testInfo, 'import-phone', true);
  await pairRows(page).nth(0).scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'import-phone-pairs');
});

test('in traditional Chinese, a refusal and the lines the cleaner dropped are said in traditional Chinese @desktop', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/zh-Hant/import');
  await page.locator('#side-zh').fill(`${ZH}\n\n- 3 -\n`);
  // A translation saved as GB18030: the server refuses it, and the page says why in the reader's language.
  await page
    .locator('input[type=file]')
    .nth(1)
    .setInputFiles({
      name: 'en.txt',
      mimeType: 'text/plain',
      buffer: readFileSync('tests/fixtures/formats/simplified.gb18030.txt'),
    });
  await page.getByRole('button', { name: '預覽', exact: true }).click();
  const alert = page.locator('.import-error');
  await expect(alert).toHaveText('譯文不是有效的 utf-8 編碼：請將譯文另存為 UTF-8 後重試。', { timeout: 60_000 });
  await shot(page, testInfo, 'import-refused-zh-hant');
  await page.getByRole('button', { name: '移除文件' }).click();
  await page.getByRole('button', { name: '預覽', exact: true }).click();
  // How the script was told, in the page's language (the API's variantEvidence is English).
  await expect(page.locator('.preview-summary p.hint')).toHaveText(/^判斷字體的依據：\d+ 個漢字中，只見於繁體的佔 0%/, {
    timeout: 60_000,
  });
  const dropped = page.locator('.preview-summary details').filter({ hasText: '清理時去掉了' });
  await expect(dropped).toBeVisible({ timeout: 60_000 });
  await dropped.locator('summary').click();
  await expect(dropped.locator('li')).toHaveText([/^第 \d+ 行：- 3 -（頁碼）$/]);
});

for (const [locale, project, words] of [
  [
    'en',
    'desktop',
    {
      preview: 'Preview',
      shown: `This preview shows the first ${PREVIEW_WINDOW.units.toLocaleString('en')} paragraphs of a long text`,
      refused:
        'This text cannot be saved from this page as it is: The Chinese text has 349,525 lines of text; this page takes at most 20,000.',
      merge: 'Merge with next',
    },
  ],
  [
    'zh-Hans',
    'phone',
    {
      preview: '预览',
      shown: new RegExp(`这是长文的预览，只显示前 ${PREVIEW_WINDOW.units.toLocaleString('zh-Hans')} 段`),
      refused: '此文本不能照原样从本页保存：中文文本有 349,525 行文字，本页最多接受 20,000 行。',
      merge: '与下一对合并',
    },
  ],
] as const) {
  test(`row 22.3: 4 MB of list lines previews its first part in seconds and says so (${locale}) @${project}`, async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== project, `the ${project} run covers ${locale}`);
    test.setTimeout(180_000);
    await page.goto(`/${locale}/import`);
    const list = Buffer.from('- 中国。\n'.repeat(Math.floor((4 * 1024 * 1024) / Buffer.byteLength('- 中国。\n'))));
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'list.md', mimeType: 'text/markdown', buffer: list });
    await page.locator('.side-input').first().locator('select').selectOption('markdown');
    const started = Date.now();
    await page.getByRole('button', { name: words.preview, exact: true }).click();
    const note = page.locator('.preview-window');
    // Before the window this upload was refused (or, uncapped, ran minutes in gigabytes).
    await expect(note).toBeVisible({ timeout: 120_000 });
    testInfo.annotations.push({ type: 'preview seconds', description: String((Date.now() - started) / 1000) });
    await expect(note).toContainText(words.shown);
    await expect(note).toContainText(words.refused);
    // 1,000 lines of 6 characters of 2,097,150: a share under 1% keeps its decimal.
    await expect(note).toContainText('0.3%');
    await expect(pairRows(page)).toHaveCount(PREVIEW_WINDOW.units);
    // The pairs of a partial preview are shown, not edited.
    await expect(pairRows(page).first().getByRole('button', { name: words.merge })).toBeDisabled();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await note.scrollIntoViewIfNeeded();
    await shot(page, testInfo, `import-window-${locale}`);
  });
}
