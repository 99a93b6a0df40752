import { expect, test } from '@playwright/test';
import { isPhone, manifest, shot } from './support';

test('typing 关系 in traditional and in pinyin finds the same pairs', async ({ page, request }, testInfo) => {
  const simplified = (await (await request.get(`/api/search?q=${encodeURIComponent('关系')}&limit=1`)).json()) as {
    total: number;
  };
  expect(simplified.total).toBeGreaterThan(0);
  for (const query of ['關係', 'guanxi', 'guān xì']) {
    const res = await request.get(`/api/search?q=${encodeURIComponent(query)}&limit=1`);
    await expect(res).toBeOK();
    expect(((await res.json()) as { total: number }).total, query).toBe(simplified.total);
  }
  await page.goto(`/en/search?q=${encodeURIComponent('guanxi')}`);
  await expect(page.locator('#results-count')).toHaveAttribute('data-total', String(simplified.total));
  await expect(page.locator('.hit').first().locator('.hit-zh mark').first()).toHaveText(/关系|關係/);
  await shot(page, testInfo, 'search-pinyin');
});

test('a term page shows the dictionary entry, renderings with counts, and expands one into its lines', async ({
  page,
  request,
}, testInfo) => {
  const api = await request.get(`/api/term?term=${encodeURIComponent('合作')}`);
  await expect(api).toBeOK();
  const data = (await api.json()) as { occurrences: number; renderings: Array<{ text: string; count: number }> };
  expect(data.occurrences).toBeGreaterThan(10);
  expect(data.renderings[0]?.text.toLowerCase()).toContain('cooperat');

  await page.goto(`/en/term/${encodeURIComponent('合作')}`);
  await expect(page.locator('h1')).toHaveText('合作');
  await expect(page.locator('.term-hsk')).toHaveText('HSK 5');
  await expect(page.locator('.term-stats')).toHaveAttribute('data-occurrences', String(data.occurrences));
  await expect(page.locator('.dict-senses').first()).toContainText(/cooperat/i);
  const first = page.locator('.rendering').first();
  await expect(first.locator('.rendering-text')).toHaveText(data.renderings[0]!.text);
  await expect(first.locator('.rendering-count')).toContainText(`${data.renderings[0]!.count} time`);
  await expect(first.locator('.kwic-line').first()).toBeHidden();
  await first.locator('summary').click();
  const line = first.locator('.kwic-line').first();
  await expect(line).toBeVisible();
  await expect(line.locator('.kwic-match')).toHaveText('合作');
  await expect(line.locator('.kwic-en mark')).not.toHaveCount(0);
  await shot(page, testInfo, 'term-hezuo');

  // The chart's marks and the concordance lines open the reader at their pair.
  const mark = page.locator('.occ-mark').first();
  const href = (await mark.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/en\/read\/[a-z0-9-]+#p-\d+$/);
  if (isPhone(testInfo)) await line.locator('a.kwic-zh').tap();
  else await line.locator('a.kwic-zh').click();
  await expect(page).toHaveURL(/\/en\/read\/[a-z0-9-]+#p-\d+$/);
});

test('the concordance sorts by left and right context', async ({ page }) => {
  await page.goto(`/en/term/${encodeURIComponent('关系')}`);
  const lines = page.locator('.term-kwic .kwic-line');
  const before = await lines.locator('.kwic-left').allTextContents();
  await page.locator('.term-kwic .kwic-sort button[data-order="left"]').click();
  await expect(page.locator('.term-kwic .kwic-sort button[data-order="left"]')).toHaveAttribute('aria-pressed', 'true');
  const after = await lines.locator('.kwic-left').allTextContents();
  expect(after).toHaveLength(before.length);
  const reversed = after.map((s) => [...s.replace(/^…/, '')].reverse().join(''));
  expect(reversed).toEqual([...reversed].sort(new Intl.Collator('zh-Hans-CN-u-co-pinyin').compare));
});

test('a traditional term is shown in simplified with its traditional form, and a non-term is refused politely', async ({
  page,
}) => {
  await page.goto(`/zh-Hant/term/${encodeURIComponent('關係')}`);
  await expect(page.locator('h1')).toHaveText('关系');
  await expect(page.locator('.term-head .term-trad')).toContainText('關係');
  const res = await page.goto(`/en/term/${encodeURIComponent('<script>')}`);
  expect(res?.status()).toBeLessThan(500);
  await expect(page.locator('.term-page [role="alert"]')).toContainText('Not a Chinese term');
});

test('the glossary lists extracted terms with renderings, filters them, and links to term pages', async ({
  page,
}, testInfo) => {
  await page.goto('/en/glossary');
  const rows = page.locator('.glossary-table tbody tr');
  expect(await rows.count()).toBeGreaterThan(50);
  await page.getByLabel('Filter terms').fill('strategic');
  await expect(rows.first()).toContainText(/strategic/i);
  const term = (await rows.first().getAttribute('data-term')) ?? '';
  await shot(page, testInfo, 'glossary');
  await rows.first().locator('th a').click();
  await expect(page).toHaveURL(new RegExp(`/en/term/${encodeURIComponent(term).replace(/%/g, '%')}$`));
  await expect(page.locator('h1')).toHaveText(term);
});

test('a TMX download from the reader holds the document as sentence pairs', async ({ page }) => {
  // The longest translated document: the hostile fixture has only a few sentences.
  const doc = manifest()
    .docs.filter((d) => d.meta.translation)
    .sort((a, b) => b.stats.pairs - a.stats.pairs)[0]!;
  await page.goto(`/en/read/${doc.meta.id}`);
  await page.locator('details.doc-details > summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.doc-head a[href*="format=tmx"]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.tmx$/);
  const text = await (
    await download.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(text).toContain('<tmx version="1.4"');
  expect((text.match(/<tu[ >]/g) ?? []).length).toBeGreaterThan(10);
  expect(text).toContain(`>${doc.meta.id}<`);
});

test('/api/term validates its input', async ({ request }) => {
  for (const bad of [
    '',
    '?term=',
    '?term=a&term=b',
    '?term=%E4%B8',
    '?term=%ED%A0%80',
    '?term=__proto__',
    `?term=${'合'.repeat(1000)}`,
    '?term=%E5%90%88&lines=x',
  ]) {
    const res = await request.get(`/api/term${bad}`);
    expect(res.status(), bad).toBe(400);
    expect(((await res.json()) as { error: string }).error, bad).toBeTruthy();
  }
});
