import { expect, test } from '@playwright/test';
import { manifest, shot } from './support';

test('translations: javascript: links and inline handlers are inert, no dialog ever opens (row 28)', async ({ page }, testInfo) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
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
