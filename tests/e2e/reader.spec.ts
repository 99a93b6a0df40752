import { expect, test, type Locator } from '@playwright/test';
import { isPhone, manifest, openReader, shot, traditionalDoc, translatedDoc } from './support';

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return box;
}

test('the reader shows Chinese and English pair by pair, unaligned pairs marked', async ({ page }, testInfo) => {
  const doc = translatedDoc();
  await page.goto(`/en/read/${doc.meta.id}`);
  await expect(page.locator('h1 .title-zh')).toHaveText(doc.meta.title.zh);
  await expect(page.locator('.doc-head .provenance')).toContainText(doc.meta.translation?.note ?? '');
  const pairs = page.locator('.pair');
  await expect(pairs).toHaveCount(doc.stats.pairs);

  // A pair with both sides: on a desktop side by side, on a phone Chinese above English.
  const both = page.locator('.pair:has(.cell-zh):has(.cell-en)').first();
  const zh = await boxOf(both.locator('.cell-zh'));
  const en = await boxOf(both.locator('.cell-en'));
  if (isPhone(testInfo)) {
    expect(en.y, 'English below Chinese').toBeGreaterThanOrEqual(zh.y + zh.height - 1);
  } else {
    expect(en.x, 'English right of Chinese').toBeGreaterThanOrEqual(zh.x + zh.width);
    expect(Math.abs(en.y - zh.y), 'same row').toBeLessThan(4);
  }

  // The end-to-end corpus holds a fixture document with a paragraph left untranslated.
  expect(doc.stats.unaligned, `${doc.meta.id} has an unaligned pair`).toBeGreaterThan(0);
  const unaligned = page.locator('.pair-unaligned').first();
  await expect(unaligned.locator('.cell-missing')).toBeVisible();
  await expect(unaligned.locator('.missing-label')).toHaveText(/No translation|No source/);
  await unaligned.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'reader');
});

test('tapping a Chinese word opens its gloss below or above it, never over it', async ({ page }, testInfo) => {
  const doc = translatedDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  const word = page.locator('.cell-zh .w', { hasText: /^合作$/ }).first();
  await word.scrollIntoViewIfNeeded();
  if (isPhone(testInfo)) await word.tap();
  else await word.click();
  const gloss = page.getByRole('dialog', { name: /合作/ });
  await expect(gloss).toBeVisible();
  await expect(gloss.locator('.gloss-pinyin').first()).toHaveText('hé zuò');
  await expect(gloss.locator('.gloss-senses li').first()).toContainText('cooperate');
  await expect.poll(async () => overlap(await boxOf(word), await boxOf(gloss))).toBe(false);
  await shot(page, testInfo, 'gloss');

  await page.keyboard.press('Escape');
  await expect(gloss).toBeHidden();
});

test('a word near the bottom of the viewport gets its gloss above it', async ({ page }, testInfo) => {
  const doc = translatedDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  // Bring some word to the last fifth of the viewport.
  const word = page.locator('.cell-zh .w').nth(40);
  await word.evaluate((el, h) => {
    const rect = el.getBoundingClientRect();
    window.scrollBy(0, rect.top - h * 0.85);
  }, viewport.height);
  await word.click();
  const gloss = page.getByRole('dialog');
  await expect(gloss).toBeVisible();
  await expect(gloss).toHaveClass(/gloss-above/);
  await expect.poll(async () => overlap(await boxOf(word), await boxOf(gloss))).toBe(false);
  await shot(page, testInfo, 'gloss-above');
  // A click outside closes it.
  await page.locator('.doc-head h1').click({ force: true });
  await expect(gloss).toBeHidden();
});

// Keyboard navigation is a desktop concern: the phone project leaves out tests tagged @desktop.
test('keyboard: Tab reaches a word, focus opens the gloss, arrows move between words @desktop', async ({
  page,
}, testInfo) => {
  const doc = translatedDoc();
  await page.goto(`/en/read/${doc.meta.id}`);
  const first = page.locator('.cell-zh .w').first();
  await expect(first).toHaveAttribute('tabindex', '0');
  // From the first pair's anchor link, Tab lands on a word. (The alignment map's links, the
  // toolbar and the contents come before the pairs in the tab order.)
  await page.locator('#p-1 a.pair-link').focus();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  const second = page.locator('.cell-zh .w').nth(1);
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('tabindex', '0');
  await expect(first).not.toHaveAttribute('tabindex');
  await expect(page.getByRole('dialog')).toHaveAccessibleName(new RegExp(`${(await second.textContent()) ?? ''}$`));
  // Enter on a word reopens it after Escape.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await shot(page, testInfo, 'keyboard');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(second).toBeFocused();
  // Tab leaves the text in one step (one word in the tab order) and the popover stays closed.
  await page.keyboard.press('Tab');
  await expect(page.locator('.cell-zh .w:focus')).toHaveCount(0);
});

test('#p-3 scrolls to the third pair and marks it', async ({ page }, testInfo) => {
  const doc = translatedDoc();
  await page.goto(`/en/read/${doc.meta.id}#p-3`);
  const target = page.locator('#p-3');
  await expect(target).toBeInViewport();
  await expect.poll(() => target.evaluate((el) => el.matches(':target'))).toBe(true);
  await expect(target).toHaveCSS('box-shadow', /inset/);
  await expect(page.locator('#p-2')).not.toHaveCSS('box-shadow', /inset/);
  // The pair's own link points at it.
  await expect(target.locator('a.pair-link')).toHaveAttribute('href', '#p-3');
  await shot(page, testInfo, 'anchor');
});

test('a traditional document is shown in its own script, with the simplified form in the gloss', async ({
  page,
}, testInfo) => {
  const doc = traditionalDoc();
  expect(doc, 'the corpus has a traditional document').toBeDefined();
  if (!doc) return;
  await openReader(page, `/zh-Hant/read/${doc.meta.id}`);
  await expect(page.locator('.cell-zh').first()).toHaveAttribute('lang', 'zh-Hant');
  // A word whose traditional and simplified forms differ.
  const word = page.locator('.cell-zh .w[data-s]').first();
  await word.scrollIntoViewIfNeeded();
  const original = (await word.textContent()) ?? '';
  const simplified = (await word.getAttribute('data-s')) ?? '';
  expect(simplified).not.toBe('');
  expect(simplified).not.toBe(original);
  await word.click();
  const gloss = page.getByRole('dialog');
  await expect(gloss.locator('.gloss-word')).toContainText(original);
  await expect(gloss.locator('.gloss-word')).toContainText(simplified);
  await shot(page, testInfo, 'reader-traditional');
});

test('an unknown document, or a path escaping the build, is a 404 (row 25)', async ({ page }, testInfo) => {
  for (const id of ['no-such-document', '..%2Fmanifest', '..%2F..%2Fpackage.json', '%2e%2e%2fmanifest.json', 'UPPER']) {
    const response = await page.goto(`/en/read/${id}`);
    expect(response?.status(), id).toBe(404);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await shot(page, testInfo, 'not-found');
});

test('every document in the manifest opens @desktop', async ({ page }, testInfo) => {
  // One page load per document of the build (eight in the e2e corpus, the longest with thousands of
  // words): 20-28 s on two shared cores, so the default 30 s, meant for one interaction, is too tight.
  test.setTimeout(90_000);
  for (const { meta, stats } of manifest().docs) {
    const response = await page.goto(`/zh-Hans/read/${meta.id}`);
    expect(response?.status(), meta.id).toBe(200);
    await expect(page.locator('.pair')).toHaveCount(stats.pairs);
  }
  await shot(page, testInfo, 'every-document');
});

test('the alignment map shows every pair, unaligned ones marked, and jumps to a pair', async ({ page }, testInfo) => {
  const doc = translatedDoc();
  await page.goto(`/en/read/${doc.meta.id}`);
  // The map is in the header's disclosure (the page opens on the text).
  await page.locator('details.doc-details > summary').click();
  const plot = page.locator('.alignment-plot');
  await expect(plot).toBeVisible();
  await expect(plot.locator('a')).toHaveCount(doc.stats.pairs);
  await expect(plot.locator('rect.plot-unaligned')).toHaveCount(doc.stats.unaligned);
  await plot.locator('a[href="#p-2"]').click();
  await expect(page).toHaveURL(/#p-2$/);
  await expect(page.locator('#p-2')).toBeInViewport();
  await shot(page, testInfo, 'alignment-map');
});

test('a translation memory (TMX) is read as given pairs: one per unit, a unit without English unaligned @desktop', async ({
  page,
}) => {
  const doc = manifest().docs.find((d) => d.meta.format === 'tmx');
  expect(doc, 'the e2e corpus has a TMX document (tests/fixtures/e2e-corpus/test-translation-memory)').toBeDefined();
  await page.goto(`/en/read/${doc!.meta.id}`);
  const pairs = page.locator('.pair');
  await expect(pairs).toHaveCount(4);
  await expect(pairs.nth(1)).toContainText('两国元首举行会谈。');
  await expect(pairs.nth(1)).toContainText('The two heads of state held talks.');
  // The native codes of the memory (<bpt>&lt;i&gt;</bpt>) are not text; &amp; is.
  await expect(pairs.nth(3)).toContainText('Good-Neighbourliness & Friendly Cooperation.');
  await expect(pairs.nth(3)).not.toContainText('<i>');
  // The map is drawn when its disclosure opens.
  await page.locator('details.doc-details > summary').click();
  await expect(page.locator('.alignment-plot rect.plot-unaligned')).toHaveCount(1);
});
