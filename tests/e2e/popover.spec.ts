import { expect, test, type Locator, type Page } from '@playwright/test';
import { hskLevel } from '../../lib/terms/hsk';
import { boxOf, isPhone, openReader, overlap, shot } from './support';

// A real document and sentence: 两国元首一致同意《中俄睦邻友好合作条约》继续延期, which the
// segmenter splits 中|俄|睦邻|友好|合作|条约, and whose glossary holds the longer terms.
const DOC = '2026-05-20-xi-putin-talks';
const TREATY = '睦邻友好合作条约';
const WORD = '友好';

/** The word 友好 in a block that holds the treaty's name. */
async function openFriendly(page: Page, isTouch: boolean): Promise<Locator> {
  await openReader(page, `/en/read/${DOC}`);
  const word = page
    .locator('.cell-zh .b', { hasText: `中俄${TREATY}` })
    .first()
    .locator('.w', { hasText: new RegExp(`^${WORD}$`) })
    .first();
  await word.scrollIntoViewIfNeeded();
  if (isTouch) await word.tap();
  else await word.click();
  return word;
}

test('the popover shows the HSK level, the words around and inside a word, and follows them there and back', async ({
  page,
}, testInfo) => {
  // Twelve steps in and out of nested words: on a busy 2-core machine 30 s measures the machine.
  test.setTimeout(90_000);
  const word = await openFriendly(page, isPhone(testInfo));
  const gloss = page.getByRole('dialog', { name: new RegExp(`${WORD}$`) });
  await expect(gloss).toBeVisible();
  const level = hskLevel(WORD);
  expect(level, `${WORD} is an HSK word`).toBeDefined();
  await expect(gloss.locator('.gloss-word .gloss-hsk')).toHaveText(`HSK ${level}`);
  await expect(gloss.locator('.gloss-word .gloss-hsk')).toHaveAttribute('title', `HSK 2.0 vocabulary, level ${level}`);

  // Around: the longer words of its sentence, longest first; inside: its characters.
  const around = gloss.locator('.gloss-around > .gloss-nested > li > .gloss-nested-word');
  await expect(around.first()).toHaveAttribute('data-word', `中俄${TREATY}`);
  await expect(gloss.locator(`.gloss-around [data-word="${TREATY}"]`)).toBeVisible();
  await expect(gloss.locator('.gloss-around [data-word="睦邻友好"] .gloss-nested-pinyin')).toHaveText('mù lín yǒu hǎo');
  await expect(gloss.locator('.gloss-inside .gloss-section-title')).toHaveText('Characters');
  await expect(gloss.locator('.gloss-inside [data-word="好"]')).toContainText('good');

  // The links: the corpus search and the term page.
  await expect(gloss.locator('.gloss-foot a', { hasText: 'Find in the corpus' })).toHaveAttribute(
    'href',
    `/en/search?q=${encodeURIComponent(WORD)}`,
  );
  await expect(gloss.locator('.gloss-term-link')).toHaveAttribute('href', `/en/term/${encodeURIComponent(WORD)}`);
  await expect.poll(async () => overlap(await boxOf(word), await boxOf(gloss))).toBe(false);
  await shot(page, testInfo, 'popover');

  // Follow the treaty: its own entry in the same popover, the words inside it as a tree.
  await gloss.locator(`.gloss-around [data-word="${TREATY}"]`).click();
  const treaty = page.getByRole('dialog', { name: new RegExp(`${TREATY}$`) });
  await expect(treaty.locator('.gloss-word')).toHaveText(TREATY);
  await expect(treaty.locator('.gloss-back')).toHaveText(`← Back to ${WORD}`);
  const inside = treaty.locator('.gloss-inside');
  // Longest part first, then what is left: 睦邻友好合作 + 条约, and 睦邻友好 + 合作 inside the first.
  const parts = (l: Locator) => l.evaluateAll((els) => els.map((el) => el.getAttribute('data-word')));
  expect(await parts(inside.locator('> .gloss-nested > li > .gloss-nested-word'))).toEqual(['睦邻友好合作', '条约']);
  expect(await parts(inside.locator('> .gloss-nested > li > .gloss-nested > li > .gloss-nested-word'))).toEqual([
    '睦邻友好',
    '合作',
  ]);
  await expect(inside.locator('[data-word="睦邻友好"] ~ .gloss-nested [data-word="睦邻"]')).toBeVisible();
  await expect(inside.locator('[data-word="条约"] .gloss-nested-senses')).toContainText('treaty');
  // The treaty still stands in its sentence: 中俄睦邻友好合作条约 is around it.
  await expect(treaty.locator(`.gloss-around [data-word="中俄${TREATY}"]`)).toBeVisible();
  await expect(treaty.locator('.gloss-term-link')).toHaveAttribute('href', `/en/term/${encodeURIComponent(TREATY)}`);
  await expect.poll(async () => overlap(await boxOf(word), await boxOf(treaty))).toBe(false);
  await shot(page, testInfo, 'popover-nested');

  // One level deeper and back twice, to the word as tapped.
  await inside.locator('[data-word="睦邻"]').click();
  await expect(page.getByRole('dialog', { name: /睦邻$/ }).locator('.gloss-back')).toHaveText(`← Back to ${TREATY}`);
  await page.locator('.gloss-back').click();
  await expect(treaty.locator('.gloss-word')).toHaveText(TREATY);
  await page.locator('.gloss-back').click();
  await expect(gloss.locator('.gloss-word')).toContainText(WORD);
  await expect(gloss.locator('.gloss-back')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('keyboard: Tab enters the popover, Enter follows a nested word, back returns, Escape closes @desktop', async ({
  page,
}, testInfo) => {
  const word = await openFriendly(page, false);
  await expect(word).toBeFocused();
  await expect(page.getByRole('dialog', { name: new RegExp(`${WORD}$`) }).locator('.gloss-around')).toBeVisible();
  // Tab from the word goes into the popover, whose controls come in reading order: the close
  // button, then the nested words; Shift+Tab from the first returns to the word.
  await page.keyboard.press('Tab');
  await expect(page.locator('.gloss-close')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(word).toBeFocused();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('.gloss-around .gloss-nested-word').first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator(`.gloss-around [data-word="${TREATY}"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.gloss-word')).toHaveText(TREATY);
  // Focus moves to the way back, and Enter there returns to the word it came from.
  await expect(page.locator('.gloss-back')).toBeFocused();
  await shot(page, testInfo, 'popover-keyboard');
  await page.keyboard.press('Enter');
  await expect(page.locator('.gloss-word')).toContainText(WORD);
  await expect(page.locator(`.gloss-around [data-word="${TREATY}"]`)).toBeFocused();
  // Escape closes from inside the popover and gives focus back to the word.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(word).toBeFocused();
});

test('with a mouse, resting on a word opens it without taking focus @desktop', async ({ page }) => {
  await openReader(page, `/en/read/${DOC}`);
  const word = page.locator('.cell-zh .w', { hasText: /^合作$/ }).first();
  await word.scrollIntoViewIfNeeded();
  await word.hover();
  const gloss = page.getByRole('dialog', { name: /合作$/ });
  await expect(gloss).toBeVisible();
  await expect(word).not.toBeFocused();
  await expect(word).toHaveClass(/w-active/);
  await page.keyboard.press('Escape');
  await expect(gloss).toBeHidden();
});

test('on a touch screen nothing opens by hover; a tap does @phone', async ({ page }) => {
  await openReader(page, `/en/read/${DOC}`);
  expect(await page.evaluate(() => window.matchMedia('(hover: hover) and (pointer: fine)').matches)).toBe(false);
  const word = page.locator('.cell-zh .w', { hasText: /^合作$/ }).first();
  await word.tap();
  await expect(page.getByRole('dialog', { name: /合作$/ })).toBeVisible();
});

test('a tap opens its word as the finger lifts, with no mouse events or click after it; a touch that moves opens nothing, one held is left to the browser @phone', async ({
  page,
}) => {
  await openReader(page, `/en/read/${DOC}`);
  const word = page.locator('.cell-zh .w', { hasText: /^合作$/ }).first();
  await word.scrollIntoViewIfNeeded();
  const { x, y, width, height } = await boxOf(word);
  const at = { x: Math.round(x + width / 2), y: Math.round(y + height / 2) };
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', point: { x: number; y: number } | null) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: point ? [point] : [] });
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    for (const type of ['mouseover', 'mousedown', 'mouseup', 'click'])
      window.addEventListener(type, () => seen.push(type), { capture: true });
  });
  const dialog = page.getByRole('dialog', { name: /合作$/ });

  const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen.splice(0));

  // A finger that slides (the start of a scroll) is not a tap: nothing opens.
  await touch('touchStart', at);
  await touch('touchMove', { x: at.x, y: at.y + 40 });
  await touch('touchEnd', null);
  await page.waitForTimeout(300);
  await expect(dialog).toHaveCount(0);
  // A finger held past 500 ms is the browser's: its touchend is not cancelled. (A phone makes a
  // long-press of it; headless Chromium's touch emulation makes a click, which opens the word as
  // any click does.)
  await seen();
  await touch('touchStart', at);
  await page.waitForTimeout(800);
  await touch('touchEnd', null);
  await expect.poll(seen).toContain('mousedown');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // A tap opens the word at once, and no mouse event or click follows.
  await seen();
  await touch('touchStart', at);
  await touch('touchEnd', null);
  await expect(dialog).toBeVisible();
  await expect(word).toBeFocused();
  await page.waitForTimeout(300);
  expect(await seen()).toEqual([]);
  // A tap elsewhere (the page's margin, beside the popover) still closes it, by its click.
  const box = await boxOf(dialog);
  const below = box.y + box.height + 20;
  await page.touchscreen.tap(4, below < (page.viewportSize()?.height ?? 0) - 4 ? below : box.y - 20);
  await expect(dialog).toBeHidden();
});

test('gloss API: the context is validated, 400 and never 500', async ({ request }) => {
  const enc = encodeURIComponent;
  const ctx = enc('一致 同意 《 中 俄 睦邻 友好 合作 条约 》');
  const good = await request.get(`/api/gloss?w=${enc(WORD)}&ctx=${ctx}&at=15`);
  await expect(good).toBeOK();
  const answer = (await good.json()) as { around: Array<{ word: string; at: number }>; inside: unknown[] };
  expect(answer.around.map((w) => w.word)).toContain(TREATY);
  for (const query of [
    `&ctx=${ctx}`,
    '&at=15',
    `&ctx=${ctx}&at=14`,
    `&ctx=${ctx}&at=x`,
    `&ctx=${ctx}&at=15&at=15`,
    `&ctx=%E4%B8&at=0`,
    `&ctx=%00${ctx}&at=16`,
    `&ctx=${'a'.repeat(5000)}&at=0`,
  ]) {
    const response = await request.get(`/api/gloss?w=${enc(WORD)}${query}`);
    expect(response.status(), query).toBe(400);
    expect(((await response.json()) as { error: string }).error, query).toBeTruthy();
  }
});

test('a word of a passage in view opens from the dictionary fetched with the passage: no request on the tap, the sense the English supports still first', async ({
  page,
}, testInfo) => {
  // The passages in view (and the word links) arrive once the page is idle.
  const batch = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/gloss/batch' && r.ok());
  const links = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/reader/links' && r.ok());
  await openReader(page, `/en/read/${DOC}`);
  const answer = (await (await batch).json()) as { words: Record<string, unknown>; brief: string[] };
  await links;
  // The words a reader may be offered in the title pair are there, across the segmenter's cuts.
  expect(Object.keys(answer.words)).toEqual(expect.arrayContaining(['俄', '延期', TREATY]));
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/gloss') asked.push(r.url());
  });
  for (const [text, sense] of [
    ['延期', 'to extend'],
    ['俄', 'Russia'],
  ] as const) {
    const word = page.locator('#p-1 .cell-zh .w', { hasText: new RegExp(`^${text}$`) }).first();
    await word.scrollIntoViewIfNeeded();
    if (isPhone(testInfo)) await word.tap();
    else await word.click();
    const gloss = page.getByRole('dialog', { name: new RegExp(`${text}$`) });
    await expect(gloss.locator('.gloss-sense-chosen')).toHaveText(sense);
    await expect(gloss.locator('.gloss-note')).toHaveCount(0);
    if (text === '俄') {
      // The words around it in its sentence come from the same batch, and open in place.
      await expect(gloss.locator(`.gloss-around [data-word="中俄${TREATY}"]`)).toBeVisible();
      await shot(page, testInfo, 'popover-from-batch');
    }
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  expect(asked).toEqual([]);
});

test('gloss batch API: a few pairs of a known document, 400 for a bad range and 404 for an unknown document', async ({
  request,
}) => {
  const good = await request.get(`/api/gloss/batch?doc=${DOC}&from=0&to=4`);
  await expect(good).toBeOK();
  expect(good.headers()['etag']).toBeTruthy();
  const again = await request.get(`/api/gloss/batch?doc=${DOC}&from=0&to=4`, {
    headers: { 'If-None-Match': good.headers()['etag']! },
  });
  expect(again.status()).toBe(304);
  for (const query of [
    '',
    `doc=${DOC}`,
    `doc=${DOC}&from=0`,
    `doc=${DOC}&from=4&to=4`,
    `doc=${DOC}&from=0&to=99`,
    `doc=${DOC}&from=x&to=4`,
    `doc=%00&from=0&to=4`,
  ]) {
    const response = await request.get(`/api/gloss/batch?${query}`);
    expect(response.status(), query).toBe(400);
  }
  expect((await request.get('/api/gloss/batch?doc=no-such-doc&from=0&to=4')).status()).toBe(404);
});
