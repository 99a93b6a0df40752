import { expect, test } from '@playwright/test';
import { manifest, shot, openReader } from './support';

test('the library lists every document with both titles and links into the reader', async ({ page }, testInfo) => {
  const docs = manifest().docs;
  await page.goto('/en');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  const cards = page.locator('.doc-card');
  await expect(cards).toHaveCount(docs.length);
  for (const { meta } of docs) {
    const card = cards.filter({ hasText: meta.title.en });
    await expect(card).toHaveCount(1);
    await expect(card.locator('.doc-title-zh')).toHaveText(meta.title.zh);
    await expect(card.locator('.doc-title-zh')).toHaveAttribute('href', `/en/read/${meta.id}`);
    await expect(card.locator('time')).toHaveAttribute('datetime', meta.date);
    if (meta.translation) await expect(card.locator('.provenance')).toContainText(meta.translation.note);
  }
  await expect(page.locator('.translated-label').first()).toBeVisible();
  await shot(page, testInfo, 'library', true);
});

test('every page credits CC-CEDICT under CC BY-SA 4.0 and names the sources', async ({ page }, testInfo) => {
  await page.goto('/en');
  const footer = page.locator('footer.site-footer');
  await expect(footer.getByRole('link', { name: 'CC-CEDICT' })).toBeVisible();
  await expect(footer.getByRole('link', { name: 'CC BY-SA 4.0' })).toHaveAttribute(
    'href',
    'https://creativecommons.org/licenses/by-sa/4.0/',
  );
  const first = manifest().docs[0];
  if (first) await expect(footer.locator('.sources')).toContainText(first.meta.publication.en);
  await footer.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'footer');
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('pages follow prefers-color-scheme', async ({ page }, testInfo) => {
    await page.goto('/zh-Hans');
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(23, 25, 28)');
    await shot(page, testInfo, 'library-dark');
    const doc = manifest().docs.find((d) => d.meta.translation) ?? manifest().docs[0];
    if (!doc) return;
    await openReader(page, `/zh-Hans/read/${doc.meta.id}#p-2`);
    await page.locator('.cell-zh .w').nth(3).click();
    await expect(page.getByRole('dialog')).toHaveCSS('background-color', 'rgb(31, 34, 38)');
    await shot(page, testInfo, 'reader-dark');
  });
});
