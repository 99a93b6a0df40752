import { expect, test, type Page } from '@playwright/test';
import { isPhone, openReader, shot } from './support';

// The document's title pair: 两国元首一致同意《中俄睦邻友好合作条约》继续延期 / "… Agree to
// Extend the China–Russia Treaty …", where the word links join 中 → China, 俄 → Russia, 延期 → Extend.
const DOC = '2026-05-20-xi-putin-talks';

/** The texts of the English ranges the reader marks as the open word's counterpart. */
const counterpart = (page: Page) =>
  page.evaluate(() => [...(CSS.highlights.get('counterpart') ?? [])].map((r) => (r as Range).toString()));

async function openWord(page: Page, word: string, phone: boolean) {
  const el = page.locator('#p-1 .cell-zh .w', { hasText: new RegExp(`^${word}$`) }).first();
  await el.scrollIntoViewIfNeeded();
  if (phone) await el.tap();
  else await el.click();
  return page.getByRole('dialog', { name: new RegExp(`${word}$`) });
}

test('a Chinese word marks its aligned English, and the popover puts the sense the translation supports first', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  const phone = isPhone(testInfo);
  await openReader(page, `/en/read/${DOC}`);

  const yanqi = await openWord(page, '延期', phone);
  await expect(yanqi.locator('.gloss-sense-chosen')).toHaveText('to extend');
  await expect(yanqi.locator('.gloss-chosen-note')).toContainText('Extend');
  await expect.poll(() => counterpart(page)).toEqual(['Extend']);
  // CC-CEDICT's first sense is still there, below.
  await expect(yanqi.locator('.gloss-senses li', { hasText: 'to delay' })).toBeVisible();
  await shot(page, testInfo, 'reader-counterpart-yanqi');
  await page.keyboard.press('Escape');
  await expect.poll(() => counterpart(page)).toEqual([]);

  const e = await openWord(page, '俄', phone);
  await expect(e.locator('.gloss-sense-chosen')).toHaveText('Russia');
  await expect(e.locator('.gloss-senses li', { hasText: 'suddenly' })).toBeVisible();
  await expect.poll(() => counterpart(page)).toEqual(['Russia']);
  await shot(page, testInfo, 'reader-counterpart-e');
  await page.keyboard.press('Escape');

  const zhong = await openWord(page, '中', phone);
  await expect(zhong.locator('.gloss-sense-chosen')).toContainText('China');
  await expect.poll(() => counterpart(page)).toEqual(['China']);
});

test('hovering a word marks its counterpart, and an English word its Chinese; the links API checks its input @desktop', async ({
  page,
  request,
}) => {
  await openReader(page, `/en/read/${DOC}`);
  await page
    .locator('#p-1 .cell-zh .w', { hasText: /^延期$/ })
    .first()
    .hover();
  await expect.poll(() => counterpart(page)).toEqual(['Extend']);

  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await expect.poll(() => counterpart(page)).toEqual([]);

  // The reverse: the mouse resting on "Extend" marks it and 延期.
  const at = await page.evaluate(() => {
    const es = document.querySelector<HTMLElement>('#p-1 .cell-en .es');
    const text = es?.firstChild;
    const i = text?.textContent?.indexOf('Extend') ?? -1;
    if (!(text instanceof Text) || i < 0) return null;
    const range = document.createRange();
    range.setStart(text, i + 2);
    range.setEnd(text, i + 3);
    const r = range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  expect(at).not.toBeNull();
  await expect
    .poll(async () => {
      await page.mouse.move(at!.x, at!.y + 1);
      await page.mouse.move(at!.x, at!.y);
      return counterpart(page);
    })
    .toEqual(['Extend', '延期']);

  const ok = await request.get(`/api/reader/links?doc=${DOC}`);
  await expect(ok).toBeOK();
  const body = (await ok.json()) as { doc: string; links: Record<string, number[][]> };
  expect(body.doc).toBe(DOC);
  expect(Object.keys(body.links).length).toBeGreaterThan(0);
  for (const beads of Object.values(body.links)) for (const flat of beads) expect(flat.length % 4).toBe(0);
  expect((await request.get('/api/reader/links?doc=no-such-doc')).status()).toBe(404);
  expect((await request.get('/api/reader/links?doc=%E4%B8')).status()).toBe(400);
  expect((await request.get('/api/reader/links')).status()).toBe(400);
  expect((await request.get('/api/gloss?w=%E5%BB%B6%E6%9C%9F&en=%3Cscript%3E')).status()).toBe(400);
});
