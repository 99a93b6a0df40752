import { expect, test } from '@playwright/test';
import { isPhone, recordDialogs, shot } from './support';

test('searching 合作 shows an exact count and the term marked in every hit', async ({ page, request }, testInfo) => {
  const api = await request.get(`/api/search?q=${encodeURIComponent('合作')}&limit=1`);
  await expect(api).toBeOK();
  const { total } = (await api.json()) as { total: number };
  expect(total).toBeGreaterThan(0);

  // Through the header's search box, as a reader would.
  await page.goto('/en');
  const box = page.locator('header').getByRole('searchbox');
  await box.fill('合作');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/en\/search\?q=/);
  await expect(page.locator('#results-count')).toHaveAttribute('data-total', String(total));
  await expect(page.locator('#results-count')).toContainText(`${total.toLocaleString('en')} passage`);
  const hits = page.locator('.hit');
  await expect(hits).toHaveCount(Math.min(total, 20));
  await expect(hits.first().locator('.hit-zh mark').first()).toHaveText('合作');
  await shot(page, testInfo, 'search-hezuo');
});

test('traditional 關係 finds simplified text, and a hit opens the reader at its pair', async ({ page }, testInfo) => {
  await page.goto(`/zh-Hant/search?q=${encodeURIComponent('關係')}`);
  const first = page.locator('.hit').first();
  await expect(first).toBeVisible();
  await expect(first.locator('.hit-zh mark').first()).toHaveText('关系');
  const link = first.locator('a.hit-title');
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/zh-Hant\/read\/[a-z0-9-]+#p-\d+$/);
  await shot(page, testInfo, 'search-guanxi');

  if (isPhone(testInfo)) await link.tap();
  else await link.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const anchor = href.slice(href.indexOf('#'));
  const pair = page.locator(anchor);
  await expect(pair).toBeInViewport();
  await expect(pair).toHaveCSS('box-shadow', /inset/);
  await expect(pair.locator('.cell-zh')).toContainText(/关系|關係/);
  await shot(page, testInfo, 'search-followed');
});

test('a search with no hits says so clearly', async ({ page }, testInfo) => {
  await page.goto(`/en/search?q=${encodeURIComponent('zzyzx')}`);
  await expect(page.locator('#results-count')).toHaveText('No passages for “zzyzx”');
  await expect(page.locator('.empty-state')).toContainText('Nothing in the corpus matches');
  await expect(page.locator('.hit')).toHaveCount(0);
  await shot(page, testInfo, 'search-empty');
});

test('the search page survives hostile queries and shows them as text', async ({ page }, testInfo) => {
  const dialogs = recordDialogs(page);
  for (const q of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '__proto__', '\\', '*']) {
    const response = await page.goto(`/en/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
    await expect(page.getByRole('searchbox', { name: 'Search the corpus' }).last()).toHaveValue(q);
  }
  for (const raw of ['%E4%B8', '%ED%A0%80', '%00', 'x'.repeat(201)]) {
    const response = await page.goto(`/en/search?q=${raw}`);
    expect(response?.status(), raw).toBe(200);
    await expect(page.locator('.empty-state.error[role="alert"]')).toBeVisible();
  }
  await page.goto('/en/search');
  await expect(page.locator('.empty-state')).toContainText('Type a Chinese or English word');
  expect(dialogs).toEqual([]);
  await shot(page, testInfo, 'search-hostile');
});

test('a hit is a sentence pair: 延期 marked in Chinese, its aligned "extend" marked in the English', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  await page.goto(`/en/search?q=${encodeURIComponent('延期')}`);
  const hits = page.locator('.hit');
  await expect(hits.first()).toBeVisible();
  await expect(page.locator('.search-legend mark.linked')).toBeVisible();
  // Every hit shows sentences, not paragraphs: the Chinese side ends its sentence.
  const first = hits.first().locator('.hit-pair').first();
  await expect(first.locator('.hit-zh mark:not(.linked)')).toHaveText('延期');
  await expect(first.locator('.hit-en mark.linked').first()).toHaveText(/^extend/i);
  // Most counterparts are "extend(ed)": the word links are a statistical model's, not every one right.
  const linked = await page.locator('.hit-en mark.linked').allTextContents();
  expect(linked.length).toBeGreaterThanOrEqual(3);
  expect(linked.filter((w) => /extend/i.test(w)).length, linked.join(' | ')).toBeGreaterThan(linked.length / 2);
  // The counterpart mark looks different from the match (underlined), not only by colour.
  await expect(first.locator('.hit-en mark.linked').first()).toHaveCSS('text-decoration-line', 'underline');
  await shot(page, testInfo, 'search-sentence-pair');
});

test('an English query marks its Chinese counterpart; pinyin and traditional queries find the same words', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  await page.goto(`/en/search?q=extend`);
  const pair = page
    .locator('.hit-pair')
    .filter({ has: page.locator('.hit-en mark:not(.linked)') })
    .first();
  await expect(pair.locator('.hit-en mark:not(.linked)').first()).toHaveText(/^extend/i);
  await expect(pair.locator('.hit-zh mark.linked').first()).toHaveText(/延期|延长/);
  await shot(page, testInfo, 'search-english-counterpart');

  await page.goto(`/en/search?q=${encodeURIComponent('liang guo')}`);
  await expect(page.locator('.hit-zh mark:not(.linked)').first()).toHaveText('两国');
  const pinyinLinked = await page.locator('.hit-en mark.linked').allTextContents();
  expect(pinyinLinked.filter((w) => /two countries|both/i.test(w)).length).toBeGreaterThan(pinyinLinked.length / 2);

  await page.goto(`/zh-Hant/search?q=${encodeURIComponent('兩國')}`);
  await expect(page.locator('.hit-zh mark:not(.linked)').first()).toHaveText('两国');
  await expect(page.locator('.hit-en mark.linked').first()).toHaveText(/two countries|both|two/i);
  await shot(page, testInfo, 'search-traditional-counterpart');
});

test('snippets never cut a word, and a hit narrows the search to its document', async ({ page, request }, testInfo) => {
  test.setTimeout(60_000);
  // A common word in long sentences: the English snippets are cut around the marks.
  const q = 'cooperation';
  const api = (await (await request.get(`/api/search?q=${q}&limit=20`)).json()) as {
    hits: Array<{ docId: string; sentences: Array<{ zh: { text: string }; en: { text: string } }> }>;
  };
  // The API sends each sentence as its snippet (cut between words, lib/search/snippet.test.ts); the page shows it as sent.
  const words = new Set(api.hits.flatMap((h) => h.sentences.flatMap((s) => s.en.text.split(/\s+|…/))));
  await page.goto(`/en/search?q=${q}`);
  const lines = await page.locator('.hit-en').allTextContents();
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.some((l) => l.includes('…'))).toBe(true);
  for (const line of lines)
    for (const word of line.split(/\s+|…/).filter(Boolean)) expect(words.has(word), `"${word}" in ${line}`).toBe(true);
  await shot(page, testInfo, 'search-snippets');

  const firstDoc = api.hits[0]!.docId;
  const only = page.locator(`.hit[data-doc="${firstDoc}"] .hit-only-doc`).first();
  if (isPhone(testInfo)) await only.tap();
  else await only.click();
  await expect(page).toHaveURL(new RegExp(`[?&]doc=${firstDoc}`));
  await expect(page.locator('.search-scope')).toHaveAttribute('data-doc', firstDoc);
  const docs = await page.locator('.hit').evaluateAll((els) => els.map((e) => e.getAttribute('data-doc')));
  expect(docs.length).toBeGreaterThan(0);
  expect(new Set(docs)).toEqual(new Set([firstDoc]));
  await expect(page.locator('.hit-only-doc')).toHaveCount(0);
  await shot(page, testInfo, 'search-in-doc');
  await page.locator('.search-scope a').click();
  await expect(page).not.toHaveURL(/doc=/);
});
