/**
 * The reader's words in every script: a traditional document looked up word by word (and saved
 * with its meaning into the Anki file), the words at a tapped character (人民大会堂 on 民), pinyin
 * grouped by word with the tone sandhi of 不 and 一, and any document read in simplified or in
 * traditional characters of Taiwan or Hong Kong.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect as baseExpect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { VOCABULARY_KEY } from '../../lib/learner/vocabulary-store';
import { isPhone, openReader, shot } from './support';

// Each test taps several words and switches scripts: on a busy 2-core machine the defaults (30 s a
// test, 7 s an assertion) measure the machine, not the reader.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const TRADITIONAL_DOC = '2025-05-08-takungpao-moscow-talks';
const SIMPLIFIED_DOC = '2026-05-20-xi-putin-talks';

/** A word of the Chinese text, by its exact text as drawn without reading aids. */
function wordIn(page: Page, text: string): Locator {
  return page.locator('.cell-zh .w', { hasText: new RegExp(`^${text}$`, 'u') }).first();
}

async function tap(locator: Locator, testInfo: TestInfo): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  if (isPhone(testInfo)) await locator.tap();
  else await locator.click();
}

async function setScript(page: Page, label: string): Promise<void> {
  const button = page.getByRole('button', { name: 'Settings' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.locator('.settings-panel')).toBeVisible();
  await page.getByRole('radio', { name: label, exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(page.locator('.settings-panel')).toBeHidden();
}

test('a traditional document: every word tapped finds its CC-CEDICT entry, and a saved word keeps its meaning in the Anki file', async ({
  page,
}, testInfo) => {
  await openReader(page, `/en/read/${TRADITIONAL_DOC}`);
  // The words the issue found unglossed, in the document's own script.
  const expected: Record<string, RegExp> = {
    報道: /report/u,
    中國: /China/u,
    總統: /president/u,
    舉行: /to hold/u,
    習近平: /Xi Jinping/u,
    關係: /relation/u,
  };
  for (const [text, sense] of Object.entries(expected)) {
    await tap(wordIn(page, text), testInfo);
    const gloss = page.getByRole('dialog', { name: new RegExp(`${text}$`, 'u') });
    await expect(gloss.locator('.gloss-entries')).toContainText(sense);
    await expect(gloss.locator('.gloss-note')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }

  // Saved from its traditional form, the word keeps its meaning.
  await tap(wordIn(page, '總統'), testInfo);
  const gloss = page.getByRole('dialog', { name: /總統$/u });
  await expect(gloss.locator('.gloss-entries')).toContainText('president');
  await shot(page, testInfo, 'words-traditional-lookup');
  await gloss.locator('.gloss-save').click();
  await expect(gloss.locator('.gloss-save')).toHaveAttribute('aria-pressed', 'true');
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), VOCABULARY_KEY)) ?? '{}') as {
    words: Array<{ word: string; meaning: string }>;
  };
  expect(stored.words.find((w) => w.word === '總統')?.meaning).toMatch(/president/u);

  await page.goto('/en/vocabulary');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.vocab-export button[data-format="csv"]').click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const records = parse(csv.replace(/^(#[^\r\n]*\r\n)+/u, '')) as string[][];
  const row = records.find((r) => r[0] === '總統');
  expect(row?.slice(0, 2)).toEqual(['總統', 'zǒng tǒng']);
  expect(row?.[2]).toMatch(/president/u);
});

test('the gloss API answers a word typed in traditional characters as in simplified', async ({ request }) => {
  const traditional = (await (await request.get(`/api/gloss?w=${encodeURIComponent('報道')}`)).json()) as {
    word: string;
    entries: unknown[];
  };
  const simplified = (await (await request.get(`/api/gloss?w=${encodeURIComponent('报道')}`)).json()) as {
    word: string;
    entries: unknown[];
  };
  expect(traditional.word).toBe('报道');
  expect(traditional.entries.length).toBeGreaterThan(0);
  expect(traditional.entries).toEqual(simplified.entries);
  // The tapped character must be one of the word's: refused otherwise, never a 500.
  const bad = await request.get(
    `/api/gloss?w=${encodeURIComponent('人民')}&ctx=${encodeURIComponent('北京 人民')}&at=3&c=0`,
  );
  expect(bad.status()).toBe(400);
});

test('北京人民大会堂 is cut 北京|人民大会堂, and tapping 民 offers 人民大会堂 and 人民', async ({ page }, testInfo) => {
  await openReader(page, `/en/read/${SIMPLIFIED_DOC}`);
  const hall = wordIn(page, '人民大会堂');
  await expect(hall).toBeVisible();
  await expect(page.locator('.cell-zh .w', { hasText: /^北京$/u }).first()).toBeVisible();
  await hall.scrollIntoViewIfNeeded();
  // The centre of 民, the second character of the word.
  const point = await hall.evaluate((el) => {
    const text = el.firstChild!;
    const range = document.createRange();
    range.setStart(text, 1);
    range.setEnd(text, 2);
    const box = range.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  if (isPhone(testInfo)) await page.touchscreen.tap(point.x, point.y);
  else await page.mouse.click(point.x, point.y);
  const gloss = page.getByRole('dialog', { name: /人民大会堂$/u });
  await expect(gloss.locator('.gloss-entries')).toContainText('Great Hall of the People');
  const covering = gloss.locator('.gloss-covering');
  await expect(covering.locator('.gloss-section-title')).toHaveText('Words at 民');
  const offered = await covering
    .locator('> .gloss-nested > li > .gloss-nested-word')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-word')));
  // Longest first, the single character last.
  expect(offered).toEqual(['人民', '民']);
  await shot(page, testInfo, 'words-covering');
  // Following 人民 opens its entry.
  await covering.locator('[data-word="人民"]').click();
  await expect(page.getByRole('dialog', { name: /人民$/u }).locator('.gloss-entries')).toContainText('the people');
});

test('pinyin is grouped by word and read with the sandhi of 不 and 一 (不断 bú duàn)', async ({ page }, testInfo) => {
  await openReader(page, `/en/read/${SIMPLIFIED_DOC}`);
  await page.getByRole('button', { name: 'Pinyin' }).click();
  const buduan = page.locator('.cell-zh .w[data-p="bù duàn"]').first();
  await buduan.scrollIntoViewIfNeeded();
  // One reading over the word, its syllables joined; the citation tones stay in data-p for the popover.
  await expect(buduan.locator('rt')).toHaveCount(1);
  await expect(buduan.locator('rt')).toHaveText('búduàn');
  // 一 before a fourth tone is yí (一致 yízhì); the citation tone stays in data-p.
  const yizhi = page.locator('.cell-zh .w[data-p="yī zhì"]').first();
  await yizhi.scrollIntoViewIfNeeded();
  await expect(yizhi.locator('rt')).toHaveText('yízhì');
  // Words of several characters carry one reading each, never a space inside it
  const rts = await page
    .locator('.cell-zh .w[data-p*=" "] rt')
    .evaluateAll((els) => els.slice(0, 50).map((el) => el.textContent ?? ''));
  expect(rts.length).toBeGreaterThan(10);
  // (a space only before a capitalised part of a name: Xí Jìnpíng, Rénmín Dàhuìtáng)
  for (const rt of rts) expect(rt).not.toMatch(/\s(?!\p{Lu})/u);
  // The gap between words is even: words never overlap and the readings of neighbours never touch.
  const boxes = await page
    .locator('.cell-zh .b')
    .first()
    .locator('.w rt')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => [r.left, r.right, r.top] as const));
  for (let i = 1; i < boxes.length; i++) {
    const [left, , top] = boxes[i]!;
    const [, right, previousTop] = boxes[i - 1]!;
    if (Math.abs(top - previousTop) < 2) expect(left).toBeGreaterThan(right);
  }
  await shot(page, testInfo, 'words-pinyin-grouped');

  // With tone colours too, each syllable keeps its tone: bú is the second tone.
  const button = page.getByRole('button', { name: 'Settings' });
  await button.click();
  await page.getByRole('radio', { name: 'Standard' }).check();
  await page.keyboard.press('Escape');
  // Aids are drawn near the viewport only: back to 不断.
  await buduan.scrollIntoViewIfNeeded();
  await expect(buduan.locator('rt .tone-2').first()).toHaveText('bú');
});

test('any document reads in simplified or in traditional characters of Taiwan or Hong Kong, remembered between visits', async ({
  page,
}, testInfo) => {
  // A simplified document in traditional characters.
  await openReader(page, `/en/read/${SIMPLIFIED_DOC}`);
  await expect(wordIn(page, '习近平')).toBeVisible();
  await setScript(page, 'Traditional (Taiwan)');
  await expect(wordIn(page, '習近平')).toBeVisible();
  await expect(wordIn(page, '人民大會堂')).toBeVisible();
  await expect(page.locator('.cell-zh').first()).toHaveAttribute('lang', 'zh-Hant');
  // Taiwan's standard writes 著 for the particle 着.
  expect((await page.locator('.cell-zh').allTextContents()).join('')).toMatch(/著/u);
  // Looked up in its new script, the word finds its entry and shows its simplified form.
  await tap(wordIn(page, '習近平'), testInfo);
  const gloss = page.getByRole('dialog', { name: /習近平$/u });
  await expect(gloss.locator('.gloss-entries')).toContainText('Xi Jinping');
  await expect(gloss.locator('.gloss-alt')).toContainText('习近平');
  await shot(page, testInfo, 'words-script-tw');
  await page.keyboard.press('Escape');

  // Hong Kong's standard differs from Taiwan's: it keeps 着 where Taiwan writes 著.
  await setScript(page, 'Traditional (Hong Kong)');
  await expect(page.locator('.cell-zh .w', { hasText: /著/u })).toHaveCount(0);
  await page.reload();
  await expect(wordIn(page, '習近平')).toBeVisible();
  const hongKong = (await page.locator('.cell-zh').allTextContents()).join('');
  expect(hongKong).toMatch(/着/u);
  expect(hongKong).not.toMatch(/著/u);

  // A traditional document in simplified characters, and in the other traditional standard.
  await openReader(page, `/en/read/${TRADITIONAL_DOC}`);
  // Its own script is Hong Kong's: the stored choice shows it as written.
  await expect(page.locator('.cell-zh').first()).toContainText('習近平');
  await setScript(page, 'Simplified');
  await expect(wordIn(page, '报道')).toBeVisible();
  await expect(page.locator('.cell-zh').first()).toHaveAttribute('lang', 'zh-Hans');
  await setScript(page, 'Traditional (Taiwan)');
  await expect(wordIn(page, '習近平')).toBeVisible();
  await shot(page, testInfo, 'words-script-traditional-doc');
});

/** The contents sidebar (a drawer on a phone, opened from the toolbar), its headings' Chinese lines. */
async function contentsHeadings(page: Page, testInfo: TestInfo): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: 'Contents' });
  if (isPhone(testInfo) && !(await nav.isVisible())) await page.getByRole('button', { name: 'Contents' }).click();
  await expect(nav).toBeVisible();
  return nav.locator('.contents-list a > span:first-child');
}

async function closeContents(page: Page, testInfo: TestInfo): Promise<void> {
  if (!isPhone(testInfo)) return;
  await page.keyboard.press('Escape');
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeHidden();
}

test('the contents sidebar shows its headings in the script the text is read in', async ({ page }, testInfo) => {
  // A traditional (Hong Kong) document read in simplified characters, then in Taiwan's.
  await openReader(page, `/en/read/${TRADITIONAL_DOC}`);
  let headings = await contentsHeadings(page, testInfo);
  // The page's first headline heads the contents (the cleaner puts it back before its article).
  await expect(headings.first()).toHaveText('習近平：中俄世代友好 做百煉成鋼真朋友');
  await expect(headings.first()).toHaveAttribute('lang', 'zh-Hant');
  await expect(headings.filter({ hasText: '繼續深化各領域務實合作' })).toHaveCount(1);
  await closeContents(page, testInfo);
  await setScript(page, 'Simplified');
  await expect(wordIn(page, '报道')).toBeVisible();
  headings = await contentsHeadings(page, testInfo);
  await expect(headings.first()).toHaveText('习近平：中俄世代友好 做百炼成钢真朋友');
  await expect(headings.first()).toHaveAttribute('lang', 'zh-Hans');
  await expect(headings.filter({ hasText: '继续深化各领域务实合作' })).toHaveCount(1);
  // No heading is left in the characters of the document's own script.
  expect((await headings.allTextContents()).join('')).not.toMatch(/[繼續領務實習煉鋼見證換與會議]/u);
  await shot(page, testInfo, 'words-contents-simplified');
  await closeContents(page, testInfo);

  // A simplified document read in Taiwan's traditional characters.
  await openReader(page, `/en/read/${SIMPLIFIED_DOC}`);
  await setScript(page, 'Traditional (Taiwan)');
  await expect(wordIn(page, '習近平')).toBeVisible();
  headings = await contentsHeadings(page, testInfo);
  await expect(headings.first()).toHaveText(/^習近平同俄羅斯總統普京會談/u);
  await expect(headings.first()).toHaveAttribute('lang', 'zh-Hant');
  // Each heading reads as its passage's heading is drawn (OpenCC's conversion, whatever it gives).
  const links = page.getByRole('navigation', { name: 'Contents' }).locator('.contents-list a');
  for (let i = 0; i < (await links.count()); i++) {
    const href = (await links.nth(i).getAttribute('href')) ?? '';
    const drawn = (await page.locator(`${href} .cell-zh .b-heading`).first().textContent()) ?? '';
    expect(drawn).toMatch(/[習國關會]/u);
    await expect(headings.nth(i)).toHaveText(drawn);
  }
  await shot(page, testInfo, 'words-contents-tw');
  // Back to the document's own script.
  await closeContents(page, testInfo);
  await setScript(page, 'Simplified (original)');
  headings = await contentsHeadings(page, testInfo);
  await expect(headings.nth(1)).toHaveText('中俄关系进入更有作为更快发展新阶段');
});

test('the page title in the header reads in the script the text is read in, remembered on reload', async ({
  page,
}, testInfo) => {
  const title = page.locator('.doc-head h1 .title-zh');
  // A traditional (Hong Kong) document, as written.
  await openReader(page, `/en/read/${TRADITIONAL_DOC}`);
  await expect(title).toHaveText('習近平：中俄世代友好 做百煉成鋼真朋友');
  await expect(title).toHaveAttribute('lang', 'zh-Hant');
  await setScript(page, 'Simplified');
  await expect(title).toHaveText('习近平：中俄世代友好 做百炼成钢真朋友');
  await expect(title).toHaveAttribute('lang', 'zh-Hans');
  await shot(page, testInfo, 'words-title-simplified');
  await page.reload();
  await expect(title).toHaveText('习近平：中俄世代友好 做百炼成钢真朋友');

  // A simplified document read in Taiwan's characters, then Hong Kong's, then as written.
  await openReader(page, `/en/read/${SIMPLIFIED_DOC}`);
  await setScript(page, 'Traditional (Taiwan)');
  await expect(title).toHaveText('習近平同俄羅斯總統普京會談 兩國元首一致同意《中俄睦鄰友好合作條約》繼續延期');
  await expect(title).toHaveAttribute('lang', 'zh-Hant');
  await shot(page, testInfo, 'words-title-tw');
  await setScript(page, 'Simplified (original)');
  await expect(title).toHaveText('习近平同俄罗斯总统普京会谈 两国元首一致同意《中俄睦邻友好合作条约》继续延期');
  await expect(title).toHaveAttribute('lang', 'zh-Hans');
});
