import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test, type Download, type Page } from '@playwright/test';
import type { SavedWord } from '../../lib/learner/vocabulary';
import { VOCABULARY_KEY } from '../../lib/learner/vocabulary-store';
import { isPhone, manifest, recordDialogs, shot } from './support';

// The popover's save button is someone else's work: these tests put saved words into storage
// themselves, in the shape the store writes.

function docs() {
  const all = manifest().docs;
  const simplified = all.find((d) => d.meta.variant === 'simplified' && d.stats.pairs > 4);
  const traditional = all.find((d) => d.meta.variant !== 'simplified' && d.stats.pairs > 4);
  if (!simplified || !traditional)
    throw new Error('The build needs a simplified and a traditional document with five pairs or more.');
  return { simplified: simplified.meta, traditional: traditional.meta };
}

/** A translation no spreadsheet or page should run: quotes, a comma, a line break and markup. */
const HOSTILE = 'They held "restricted", then expanded talks.\nSecond line <img src=x onerror=alert(1)>';

function seedWords(): SavedWord[] {
  const { simplified, traditional } = docs();
  return [
    {
      word: '強調',
      simplified: '强调',
      pinyin: 'qiáng diào',
      meaning: 'to emphasize (a statement); to stress',
      sentence: '習近平強調，俄羅斯是我作為中華人民共和國主席到訪最多的國家。',
      translation: 'Xi Jinping stressed that Russia is the country he has visited most often as President.',
      source: { docId: traditional.id, title: traditional.title.en, pair: 3 },
      savedAt: '2026-05-21T09:00:00.000Z',
    },
    {
      word: '会谈',
      simplified: '会谈',
      pinyin: 'huì tán',
      meaning: 'talks; discussions',
      sentence: '国家主席习近平同俄罗斯总统普京举行会谈。会谈后，两国元首签署声明。',
      translation: 'President Xi Jinping held talks with Russian President Putin.',
      source: { docId: simplified.id, title: simplified.title.en, pair: 2 },
      savedAt: '2026-05-20T09:00:00.000Z',
    },
    {
      word: '范围',
      simplified: '范围',
      pinyin: 'fàn wéi',
      meaning: 'range; scope; limit; extent',
      sentence: '两国元首先后举行小范围、大范围会谈。',
      translation: HOSTILE,
      source: { docId: simplified.id, title: simplified.title.en, pair: 3 },
      savedAt: '2026-05-19T09:00:00.000Z',
    },
  ];
}

/** Seeds storage once per tab (not again on reload, so removals stay removed), with one broken item the page must skip. */
async function seed(page: Page, words: SavedWord[] = seedWords()) {
  const raw = JSON.stringify({
    version: 1,
    words: [...words, { word: 42 }, { word: '坏', source: { docId: '../x', pair: 0 } }],
  });
  await page.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('vocab-seeded')) return;
      localStorage.setItem(key, value);
      sessionStorage.setItem('vocab-seeded', '1');
    },
    [VOCABULARY_KEY, raw] as const,
  );
}

async function open(page: Page, locale = 'en') {
  await page.goto(`/${locale}/vocabulary`);
  await expect(page.locator('.vocab')).toHaveAttribute('data-ready', 'true');
}

/** The words listed, in order (retried until they match). */
const expectWords = (page: Page, expected: string[]) =>
  expect(page.locator('.vocab-item .vocab-word')).toHaveText(expected);

async function downloaded(page: Page, format: 'csv' | 'tsv'): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`.vocab-export button[data-format="${format}"]`).click(),
  ]);
  const file = await download.path();
  return { download, text: readFileSync(file, 'utf8') };
}

test('the saved list shows each word with pinyin, meaning, its sentence highlighted, the English and a link to the pair', async ({
  page,
}, testInfo) => {
  const dialogs = recordDialogs(page);
  await seed(page);
  await open(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vocabulary');
  await expect(page.locator('.vocab-count')).toHaveText('Saved: 3');
  await expectWords(page, ['強調', '会谈', '范围']);

  const first = page.locator('.vocab-item').first();
  await expect(first.locator('.vocab-word')).toHaveAttribute('lang', 'zh-Hant');
  await expect(first.locator('.vocab-simplified')).toHaveText('强调');
  await expect(first.locator('.vocab-pinyin')).toHaveText('qiáng diào');
  await expect(first.locator('.vocab-meaning')).toHaveText('to emphasize (a statement); to stress');
  await expect(first.locator('.vocab-sentence mark')).toHaveText('強調');
  await expect(first.locator('.vocab-translation')).toContainText('Xi Jinping stressed');

  // Every occurrence of the word in its sentence is marked.
  await expect(page.locator('.vocab-item[data-word="会谈"] .vocab-sentence mark')).toHaveText(['会谈', '会谈']);
  // Markup in a saved translation is text, never HTML.
  const hostile = page.locator('.vocab-item[data-word="范围"] .vocab-translation');
  await expect(hostile).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('.vocab img')).toHaveCount(0);

  await expect(
    page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Vocabulary' }),
  ).toHaveAttribute('href', '/en/vocabulary');
  await shot(page, testInfo, 'vocabulary', true);
  if (isPhone(testInfo)) {
    // Cards, one under another, as wide as the screen.
    const [a, b] = [await first.boundingBox(), await page.locator('.vocab-item').nth(1).boundingBox()];
    expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
    expect(a!.width).toBeGreaterThan(page.viewportSize()!.width * 0.8);
  }

  const { simplified } = docs();
  const link = page.locator('.vocab-item[data-word="范围"] .vocab-source a');
  await expect(link).toHaveAttribute('href', `/en/read/${simplified.id}#p-4`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/en/read/${simplified.id}#p-4$`));
  await expect(page.locator('#p-4')).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('the filter finds words by Chinese, pinyin without tones and English; the list sorts three ways', async ({
  page,
}) => {
  await seed(page);
  await open(page);
  const filter = page.getByLabel('Filter words');
  await filter.fill('huitan');
  await expect(page.locator('.vocab-count')).toHaveText('Showing 1 of 3');
  await expectWords(page, ['会谈']);
  await filter.fill('强调');
  await expectWords(page, ['強調']);
  await filter.fill('SCOPE');
  await expect(page.locator('.vocab-item')).toHaveCount(1);
  await expectWords(page, ['范围']);
  await filter.fill('nothing like this');
  await expect(page.locator('.vocab .empty-state')).toHaveText('No saved word matches.');
  await expect(page.locator('.vocab-export button[data-format="csv"]')).toBeDisabled();
  await filter.fill('');
  await expect(page.locator('.vocab-item')).toHaveCount(3);

  const sort = page.getByRole('group', { name: 'Sort' });
  await sort.getByRole('button', { name: 'By pinyin' }).click();
  await expect(sort.getByRole('button', { name: 'By pinyin' })).toHaveAttribute('aria-pressed', 'true');
  await expectWords(page, ['范围', '会谈', '強調']);
  await sort.getByRole('button', { name: 'By document' }).click();
  await expect(sort.getByRole('button', { name: 'By document' })).toHaveAttribute('aria-pressed', 'true');
  const byDoc = await page.locator('.vocab-item .vocab-word').allTextContents();
  // The two words of one document together, in the order of their passages.
  expect(Math.abs(byDoc.indexOf('会谈') - byDoc.indexOf('范围'))).toBe(1);
  expect(byDoc.indexOf('会谈')).toBeLessThan(byDoc.indexOf('范围'));
  await sort.getByRole('button', { name: 'Newest' }).click();
  await expectWords(page, ['強調', '会谈', '范围']);
});

test('a word is removed; clear all asks first, then leaves the empty state, which survives a reload', async ({
  page,
}, testInfo) => {
  await seed(page);
  await open(page);
  await page.getByRole('button', { name: 'Remove 会谈' }).click();
  await expectWords(page, ['強調', '范围']);
  await expect(page.locator('.vocab-count')).toHaveText('Saved: 2');
  // The focus moves to the next word's remove button, not to the top of the page.
  await expect(page.getByRole('button', { name: 'Remove 范围' })).toBeFocused();
  await page.reload();
  await expect(page.locator('.vocab')).toHaveAttribute('data-ready', 'true');
  await expectWords(page, ['強調', '范围']);

  await page.getByRole('button', { name: 'Clear all' }).click();
  const confirm = page.locator('.vocab-confirm');
  await expect(confirm).toContainText('This cannot be undone.');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.vocab-item')).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await confirm.getByRole('button', { name: 'Remove all' }).click();
  await expect(page.locator('.vocab-item')).toHaveCount(0);
  await expect(page.locator('.vocab-empty')).toContainText('No saved words yet.');
  expect(await page.evaluate((key) => localStorage.getItem(key), VOCABULARY_KEY)).toBeNull();
  await page.reload();
  await expect(page.locator('.vocab-empty')).toBeVisible();
  await shot(page, testInfo, 'vocabulary-cleared');
});

test('both exports download as files: Anki CSV with its header lines, TSV without tabs or breaks in fields', async ({
  page,
}) => {
  await seed(page);
  await open(page);
  const csv = await downloaded(page, 'csv');
  expect(csv.download.suggestedFilename()).toMatch(/^duizhao-vocabulary-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.split('\r\n');
  expect(lines.slice(0, 3)).toEqual([
    '#separator:Comma',
    '#html:false',
    '#columns:Word,Pinyin,Meaning,Sentence,Translation,Source',
  ]);
  const records = parse(csv.text.replace(/^(#[^\r\n]*\r\n)+/, '')) as string[][];
  expect(records.map((r) => r[0])).toEqual(['強調', '会谈', '范围']);
  const { simplified } = docs();
  expect(records[2]).toEqual([
    '范围',
    'fàn wéi',
    'range; scope; limit; extent',
    '两国元首先后举行小范围、大范围会谈。',
    HOSTILE,
    `${simplified.title.en} (${simplified.id} #p-4)`,
  ]);

  const tsv = await downloaded(page, 'tsv');
  expect(tsv.download.suggestedFilename()).toMatch(/^duizhao-vocabulary-\d{4}-\d{2}-\d{2}\.tsv$/);
  const rows = tsv.text.split('\n').filter(Boolean);
  expect(rows).toHaveLength(3);
  for (const row of rows) expect(row.split('\t')).toHaveLength(6);
  expect(rows[2]!.split('\t')[4]).toBe(HOSTILE.replace('\n', ' '));

  // Exports follow the filter.
  await page.getByLabel('Filter words').fill('qiang');
  const one = await downloaded(page, 'tsv');
  expect(
    one.text
      .split('\n')
      .filter(Boolean)
      .map((r) => r.split('\t')[0]),
  ).toEqual(['強調']);
});

test('with nothing saved, the page explains how to save words', async ({ page }, testInfo) => {
  await open(page);
  const empty = page.locator('.vocab-empty');
  await expect(empty).toContainText('No saved words yet.');
  await expect(empty).toContainText('Save word');
  await expect(empty.getByRole('link', { name: 'Go to the library' })).toHaveAttribute('href', '/en');
  await expect(page.locator('.vocab-export')).toHaveCount(0);
  await shot(page, testInfo, 'vocabulary-empty');
});

test('the list follows a change made in another tab', async ({ page, context }) => {
  await seed(page);
  await open(page);
  await expect(page.locator('.vocab-item')).toHaveCount(3);
  const other = await context.newPage();
  await open(other);
  await expect(other.locator('.vocab-item')).toHaveCount(3);
  await other.getByRole('button', { name: 'Remove 会谈' }).click();
  await expect(page.locator('.vocab-item')).toHaveCount(2);
  await expectWords(page, ['強調', '范围']);

  // A save made elsewhere (the reader's popover, in another tab) appears here too.
  await other.evaluate((key) => {
    const stored = JSON.parse(localStorage.getItem(key)!) as { version: 1; words: unknown[] };
    const first = stored.words[0] as { source: unknown };
    stored.words.unshift({
      ...first,
      word: '元首',
      simplified: '元首',
      pinyin: 'yuán shǒu',
      savedAt: new Date().toISOString(),
    });
    localStorage.setItem(key, JSON.stringify(stored));
  }, VOCABULARY_KEY);
  await expect(page.locator('.vocab-item').first().locator('.vocab-word')).toHaveText('元首');
  await expect(page.locator('.vocab-count')).toHaveText('Saved: 3');

  await other.evaluate(() => localStorage.clear());
  await expect(page.locator('.vocab-empty')).toBeVisible();
  await other.close();
});

test('the page speaks the UI language', async ({ page }, testInfo) => {
  await seed(page);
  await open(page, 'zh-Hant');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('生詞本');
  await expect(page.locator('.vocab-count')).toHaveText('已收藏3個');
  await expect(page.getByRole('group', { name: '排序' }).getByRole('button', { name: '按拼音' })).toBeVisible();
  await expect(page.locator('.vocab-passage').first()).toHaveText('第4段');
  // Titles come from the build, in the UI language (Chinese here), not as they were saved.
  await expect(page.locator('.vocab-title').first()).toHaveText(docs().traditional.title.zh);
  await expect(page.getByRole('navigation', { name: '文庫' }).getByRole('link', { name: '生詞本' })).toHaveAttribute(
    'href',
    '/zh-Hant/vocabulary',
  );
  await shot(page, testInfo, 'vocabulary-zh-Hant');
  // Dark mode comes from the system, through the colour variables of globals.css.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(23, 25, 28)');
  await shot(page, testInfo, 'vocabulary-dark');
});
