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

test('a term inside longer terms: its own renderings are whole, and the longer terms are counted apart with their lines', async ({
  page,
  request,
}, testInfo) => {
  // Two term pages and the glossary, each a few hundred kB of lines.
  test.setTimeout(90_000);
  const api = await request.get(`/api/term?term=${encodeURIComponent('两国')}`);
  await expect(api).toBeOK();
  const data = (await api.json()) as {
    occurrences: number;
    renderings: Array<{ text: string; count: number; share: number }>;
    unrendered: number;
    within: Array<{ term: string; count: number }>;
  };
  // 两国元首 "two heads of state" is 两国元首's rendering; 两国's own lead with "two countries".
  expect(data.within.map((w) => w.term)).toContain('两国元首');
  const inside = data.within.reduce((n, w) => n + w.count, 0);
  const own = data.renderings.reduce((n, r) => n + r.count, 0) + data.unrendered;
  expect(own + inside).toBe(data.occurrences);
  expect(data.renderings[0]!.text.toLowerCase()).toBe('two countries');
  for (const r of data.renderings.filter((x) => x.share > 0.1)) expect(r.text.toLowerCase()).toBe('two countries');

  await page.goto(`/en/term/${encodeURIComponent('两国')}`);
  // Shares read as percentages (the precompiled messages once printed "0.79").
  await expect(page.locator('.term-renderings .rendering-count').first()).toContainText(
    `${Math.round(data.renderings[0]!.share * 100)}%`,
  );
  const section = page.getByTestId('term-within');
  await expect(section.getByRole('heading', { name: 'Inside longer terms' })).toBeVisible();
  const item = section.locator('[data-within="两国元首"]');
  await expect(item.locator('.rendering-count')).toContainText(
    String(data.within.find((w) => w.term === '两国元首')!.count),
  );
  await item.locator('summary').click();
  const line = item.locator('.kwic-line').first();
  await expect(line).toBeVisible();
  await expect(line.locator('.kwic-match')).toHaveText('两国');
  await expect(line).toContainText('两国元首');
  await shot(page, testInfo, 'term-liangguo-within');
  await expect(item.getByRole('link', { name: 'How the corpus renders 两国元首' })).toBeVisible();

  // The glossary says the same, and links to the longer term.
  await page.goto('/en/glossary');
  await expect(page.locator('.page-head .intro').first()).toContainText('less than 60% of its own occurrences');
  const row = page.locator('.glossary-table tbody tr[data-term="两国"]');
  await expect(row.getByTestId('glossary-within')).toContainText('两国元首');
  await expect(row.locator('td[lang="en"]').first()).toContainText('two countries');
  await row.getByTestId('glossary-within').locator('a', { hasText: '两国元首' }).click();
  await expect(page).toHaveURL(/\/en\/term\/%E4%B8%A4%E5%9B%BD%E5%85%83%E9%A6%96$/, { timeout: 30_000 });
});

test('the named terms lead with whole renderings: names, not titles; no matches across words', async ({ request }) => {
  const top = async (term: string) => {
    const res = await request.get(`/api/term?term=${encodeURIComponent(term)}`);
    await expect(res).toBeOK();
    return ((await res.json()) as { renderings: Array<{ text: string; share: number }> }).renderings;
  };
  // 习近平主席 → "President Xi Jinping": 习近平 is "Xi Jinping", never "President … Jinping".
  const xi = await top('习近平');
  expect(xi[0]!.text).toBe('Xi Jinping');
  expect(xi.some((r) => /President/.test(r.text))).toBe(false);
  // 大国 in 重大|国际 ("major international") is not 大国.
  const daguo = await top('大国');
  expect(daguo[0]!.text.toLowerCase()).toBe('major countries');
  expect(daguo.filter((r) => r.share > 0.1).map((r) => r.text.toLowerCase())).toEqual(['major countries']);
  expect((await top('战略协作'))[0]!.text.toLowerCase()).toBe('strategic coordination');
  expect((await top('睦邻友好'))[0]!.text.toLowerCase()).toBe('good-neighbourliness and friendship');
});

test('a rendering split by other words marks its pieces in the concordance, not the words between them', async ({
  page,
}, testInfo) => {
  await page.goto(`/en/term/${encodeURIComponent('全面战略协作')}`);
  // "comprehensive strategic … coordination": the English writes "partnership of" inside it.
  const split = page.locator('.rendering').filter({ has: page.locator('.rendering-text', { hasText: '…' }) });
  await expect(split.first()).toBeVisible();
  await split.first().locator('summary').click();
  const line = split.first().locator('.kwic-line').first();
  await expect(line).toBeVisible();
  const marks = await line.locator('.kwic-en mark').allTextContents();
  expect(marks.length).toBeGreaterThanOrEqual(2);
  expect(marks.join(' ')).not.toMatch(/partnership/i);
  await shot(page, testInfo, 'term-split-rendering');
});
