import { expect, test } from '@playwright/test';
import { manifest, shot } from './support';

test('the library and the reader show how hard each text is by HSK level', async ({ page }, testInfo) => {
  const doc = manifest()
    .docs.filter((d) => d.stats.difficulty)
    .sort((a, b) => b.stats.pairs - a.stats.pairs)[0]!;
  const d = doc.stats.difficulty!;
  await page.goto('/en');
  const card = page.locator('.doc-card').filter({ has: page.locator(`a[href="/en/read/${doc.meta.id}"]`) });
  // HSK 2.0 until the learner chooses HSK 3.0 (tests/e2e/learner.spec.ts).
  await expect(card.locator('.difficulty-hsk2')).toHaveAttribute('data-estimated', String(d.estimated ?? 'none'));
  await expect(card.locator('.difficulty-hsk2 .difficulty-bar .seg')).toHaveCount(
    [...d.byLevel, d.outside].filter((n) => n > 0).length,
  );

  await page.goto(`/zh-Hans/read/${doc.meta.id}`);
  // In the header's disclosure, opened.
  await page.locator('details.doc-details > summary').click();
  const box = page.locator('.doc-head div.difficulty-hsk2');
  await expect(box.locator('.difficulty-legend li')).toHaveCount(7);
  await expect(box.locator('.difficulty-head strong')).toHaveText(
    d.estimated === null ? '超出 HSK 6 级' : `约 HSK ${d.estimated} 级`,
  );
  if (d.outsideWords.length > 0)
    await expect(box.locator('.difficulty-outside')).toContainText(d.outsideWords[0]!.word);
  await box.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'difficulty');
});
