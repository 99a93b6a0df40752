import { expect, test, type Page } from '@playwright/test';
import type { SavedWord } from '../../lib/learner/vocabulary';
import { VOCABULARY_KEY } from '../../lib/learner/vocabulary-store';
import { boxOf, isPhone, manifest, overlap, shot, translatedDoc } from './support';

/** As support's openReader, with room for a slow shared machine: the popover's script loads after hydration. */
async function openReader(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.cell-zh .w').first()).toHaveAttribute('tabindex', '0', { timeout: 30_000 });
}

// The learner's second pass: the reader opening on its text, word statuses, review with FSRS,
// HSK 3.0, and the smaller fixes. Every test starts from empty storage (a new browser context).
// Several pages per test on a machine shared by many: more time than the default 30 s.
test.describe.configure({ timeout: 120_000 });

function longestDoc() {
  const doc = [...manifest().docs]
    .filter((d) => d.meta.translation && d.stats.enBlocks > 0)
    .sort((a, b) => b.stats.characters - a.stats.characters)[0];
  if (!doc) throw new Error('The build needs a translated document.');
  return doc.meta;
}

test('the reader opens on the text: metadata, difficulty, downloads and the alignment map fold away', async ({
  page,
}, testInfo) => {
  const phone = isPhone(testInfo);
  await page.setViewportSize(phone ? { width: 390, height: 844 } : { width: 1440, height: 900 });
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.id}`);
  const firstWord = page.locator('.cell-zh .w').first();
  const firstPair = page.locator('.pair').first();
  // Text in the first screen; on a phone the first passage near the top.
  expect((await boxOf(firstWord)).y + (await boxOf(firstWord)).height).toBeLessThan(phone ? 844 : 900);
  expect((await boxOf(firstPair)).y).toBeLessThan(phone ? 844 * 0.6 : 900 * 0.5);
  if (!phone) expect((await boxOf(page.locator('.cell-en').first())).y).toBeLessThan(900);
  // The rest is one accessible disclosure away, closed at first.
  const details = page.locator('details.doc-details');
  await expect(details).not.toHaveAttribute('open', '');
  await expect(page.locator('.alignment-plot')).toBeHidden();
  await expect(page.locator('.downloads')).toBeHidden();
  await shot(page, testInfo, 'reader-first-screen');
  await page.locator('details.doc-details > summary').click();
  await expect(details).toHaveAttribute('open', '');
  await expect(page.locator('.alignment-plot')).toBeVisible();
  await expect(page.locator('.doc-details .difficulty-hsk2')).toBeVisible();
  await expect(page.locator('.doc-details .difficulty-hsk2 .difficulty-legend')).toBeVisible();
  await shot(page, testInfo, 'reader-details-open');
});

/** The class list of the n-th Chinese word of the page. */
const classesOf = (page: Page, n: number) => page.locator('.cell-zh .w').nth(n).getAttribute('class');

test('word statuses: set from the popover and with keys, coloured in every document, kept across a reload', async ({
  page,
}, testInfo) => {
  const doc = translatedDoc().meta;
  await openReader(page, `/en/read/${doc.id}`);
  const first = page.locator('.cell-zh .w').first();
  await first.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('.word-status')).toBeVisible();
  await expect(dialog.locator('.word-status-button[data-status="new"]')).toHaveAttribute('aria-pressed', 'true');
  await dialog.locator('.word-status-button[data-status="1"]').click();
  await expect(dialog.locator('.word-status-button[data-status="1"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(first).toHaveClass(/\bst-1\b/);
  // Every other word is now "new" to a learner with statuses.
  await expect(page.locator('.cell-zh .w.st-new').first()).toBeVisible();
  await shot(page, testInfo, 'status-popover');

  // Keys: the second word (a different one) marked known with "w", then "x" on a third ignores it.
  const words = page.locator('.cell-zh .w');
  const text0 = await first.textContent();
  let second = 1;
  while ((await words.nth(second).textContent()) === text0) second++;
  await words.nth(second).click();
  await page.keyboard.press('Escape');
  await words.nth(second).click();
  await page.keyboard.press('w');
  await expect(words.nth(second)).toHaveClass(/\bknown\b/);
  await expect(words.nth(second)).not.toHaveClass(/\bst-new\b/);
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.locator('.cell-zh .w').first()).toHaveClass(/\bst-1\b/);
  expect(await classesOf(page, second)).toMatch(/\bknown\b/);
  await shot(page, testInfo, 'status-after-reload');

  // Another document: the same words carry the same colours there.
  const other = manifest().docs.find(
    (d) => d.meta.id !== doc.id && d.meta.variant === 'simplified' && d.stats.pairs > 2,
  )!.meta;
  await openReader(page, `/en/read/${other.id}`);
  await expect(page.locator('.cell-zh .w.st-new').first()).toBeVisible();

  // The library: the known-word count and each document's share known.
  await page.goto('/en');
  await expect(page.locator('.known-count')).toHaveText('Words you know: 1');
  const card = page.locator('.doc-card', { has: page.locator(`a[href="/en/read/${doc.id}"]`) }).first();
  // A card reckons its share once it comes near the screen.
  await card.scrollIntoViewIfNeeded();
  await expect(card.locator('.known-share')).toBeVisible();
  await expect(card.locator('.known-share')).toContainText(/You know \d+% of its running words/);
  await shot(page, testInfo, 'library-known');
});

test('"mark the rest known" at the end of a document, then the library shows it all known', async ({
  page,
}, testInfo) => {
  const doc = manifest()
    .docs.filter((d) => d.meta.translation && d.stats.pairs > 2)
    .sort((a, b) => a.stats.characters - b.stats.characters)[0]!.meta;
  await openReader(page, `/en/read/${doc.id}`);
  await page.locator('.cell-zh .w').first().click();
  await page.keyboard.press('2');
  await page.keyboard.press('Escape');
  const button = page.locator('.mark-rest button');
  await button.scrollIntoViewIfNeeded();
  await expect(button).toContainText(/still new here as known/);
  await shot(page, testInfo, 'mark-rest');
  await button.click();
  await expect(page.locator('.cell-zh .w.st-new')).toHaveCount(0);
  await expect(page.locator('.cell-zh .w').first()).toHaveClass(/\bst-2\b/);
  await page.goto('/en');
  const card = page.locator('.doc-card', { has: page.locator(`a[href="/en/read/${doc.id}"]`) }).first();
  await card.scrollIntoViewIfNeeded();
  await expect(card.locator('.known-share')).toContainText(/You know (9\d|100)% of its running words/);
});

test('known words move between browsers as JSON: export, then import into an empty one', async ({ page, browser }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(
        'duizhao.known-words.v1',
        JSON.stringify({
          format: 'duizhao-known-words',
          version: 1,
          words: { 人民: 'known', 合作: 3, 普京: 'ignored', bad: 'known' },
        }),
      );
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/en/vocabulary');
  await expect(page.locator('.known-summary')).toContainText(
    'Words you know: 1 · words with a status (known, learning or ignored): 3',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export statuses (JSON)' }).click(),
  ]);
  const file = await download.path();
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto('/en/vocabulary');
  await expect(fresh.locator('.known-summary')).toContainText('No word has a status yet');
  await fresh.locator('.known-import input[type=file]').setInputFiles(file);
  await expect(fresh.locator('.known-imported')).toHaveText('3 word statuses imported.');
  await expect(fresh.locator('.known-summary')).toContainText(
    'Words you know: 1 · words with a status (known, learning or ignored): 3',
  );
  // A file with no statuses changes nothing and says so.
  await fresh
    .locator('.known-import input[type=file]')
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"words": 1}') });
  await expect(fresh.locator('.known-transfer [role=alert]')).toHaveText(
    'That file holds no word statuses; nothing was changed.',
  );
  await context.close();
});

function seedVocabulary(): SavedWord[] {
  const doc = translatedDoc().meta;
  const w = (
    word: string,
    pinyin: string,
    meaning: string,
    sentence: string,
    translation: string,
    savedAt: string,
  ): SavedWord => ({
    word,
    simplified: word,
    pinyin,
    meaning,
    sentence,
    translation,
    source: { docId: doc.id, title: doc.title.en, pair: 1 },
    savedAt,
  });
  return [
    w(
      '会谈',
      'huì tán',
      'talks; discussions',
      '国家主席习近平同俄罗斯总统普京举行会谈。',
      'President Xi Jinping held talks with Russian President Putin.',
      '2026-05-20T09:00:00.000Z',
    ),
    w(
      '范围',
      'fàn wéi',
      'range; scope',
      '两国元首先后举行小范围、大范围会谈。',
      'The two heads of state held talks in small and large formats.',
      '2026-05-19T09:00:00.000Z',
    ),
    w(
      '合作',
      'hé zuò',
      'to cooperate',
      '双方同意深化合作。',
      'Both sides agreed to deepen cooperation.',
      '2026-05-18T09:00:00.000Z',
    ),
  ];
}

test('review with FSRS: due counts, the word in its sentence, reveal, grading three cards', async ({
  page,
}, testInfo) => {
  const raw = JSON.stringify({ version: 1, words: seedVocabulary() });
  await page.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('seeded')) return;
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    },
    [VOCABULARY_KEY, raw] as const,
  );
  await page.goto('/en/vocabulary');
  await expect(page.locator('.review-due')).toHaveAttribute('data-new', '3');
  await expect(page.locator('.review-count-new')).toHaveText('3 new');
  await expect(page.locator('.review-count-review')).toHaveText('0 due');
  await page.getByRole('button', { name: 'Start review' }).click();
  const session = page.locator('.review-session');
  await expect(session.locator('.review-progress')).toHaveText('Card 1 of 3');
  // Oldest saved first: 合作, in its sentence, nothing revealed yet.
  await expect(session.locator('.review-sentence mark')).toHaveText('合作');
  await expect(session.locator('.review-answer')).toHaveCount(0);
  await shot(page, testInfo, 'review-question');
  await session.getByRole('button', { name: 'Show answer (Space)' }).click();
  await expect(session.locator('.review-pinyin')).toHaveText('hé zuò');
  await expect(session.locator('.review-meaning')).toHaveText('to cooperate');
  await expect(session.locator('.review-translation')).toHaveText('Both sides agreed to deepen cooperation.');
  await expect(session.locator('.review-grade')).toHaveCount(4);
  await expect(session.locator('.review-grade[data-grade="easy"] .grade-interval')).toHaveText(/\d+ (d|mo)/);
  await shot(page, testInfo, 'review-answer');
  await session.locator('.review-grade[data-grade="good"]').click();
  // The keyboard: Space reveals, 4 grades Easy.
  await expect(session.locator('.review-sentence mark').first()).toHaveText('范围');
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await expect(session.locator('.review-sentence mark').first()).toHaveText('会谈');
  await page.keyboard.press('Space');
  await session.locator('.review-grade[data-grade="easy"]').click();
  // Good on a new card is a learning step of minutes: it comes back in this session.
  await expect(session.locator('.review-sentence mark')).toHaveText('合作');
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await expect(session.locator('.review-done')).toContainText('4 cards reviewed.');
  await session.getByRole('button', { name: 'Close review' }).click();
  await expect(page.locator('.review-due')).toHaveAttribute('data-new', '0');
  await page.reload();
  await expect(page.locator('.review-due')).toHaveAttribute('data-new', '0');
  await expect(page.locator('.review-due')).toHaveAttribute('data-review', '0');
  await expect(page.getByText('Nothing is due: come back later.')).toBeVisible();
  // The Anki export stays.
  await expect(page.locator('.vocab-export button[data-format="csv"]')).toBeEnabled();
  const stored = await page.evaluate(() => localStorage.getItem('duizhao.review.v1'));
  expect(Object.keys((JSON.parse(stored!) as { cards: object }).cards)).toHaveLength(3);
});

test('HSK 3.0: the learner chooses the standard; documents are graded and words marked by it', async ({
  page,
}, testInfo) => {
  await page.goto('/en');
  const card = page.locator('.doc-card').first();
  await expect(card.locator('.difficulty-hsk2')).toBeVisible();
  await expect(card.locator('.difficulty-hsk3')).toBeHidden();
  // The legend is text, not only hover titles (touch has no hover).
  await expect(card.locator('.difficulty-hsk2 .difficulty-legend li').first()).toBeVisible();
  await page.getByLabel('Grade documents by').selectOption('hsk3');
  await expect(card.locator('.difficulty-hsk3')).toBeVisible();
  await expect(card.locator('.difficulty-hsk2')).toBeHidden();
  await expect(card.locator('.difficulty-hsk3 .difficulty-head')).toContainText('HSK 3.0');
  await shot(page, testInfo, 'library-hsk3');

  // The reader follows the same choice: marks by HSK 3.0 (level 7 is the 7–9 band, which HSK 2.0 lacks).
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.id}`);
  await page.locator('.bar-settings').click();
  await expect(page.locator('select.hsk-standard-select')).toHaveValue('hsk3');
  await page.getByLabel('Mark words by HSK level').check();
  await expect(page.locator('.cell-zh .w.hsk-7').first()).toBeVisible();
  await page.locator('select.hsk-standard-select').selectOption('hsk2');
  await expect(page.locator('.cell-zh .w.hsk')).not.toHaveCount(0);
  await expect(page.locator('.cell-zh .w.hsk-7')).toHaveCount(0);
  await page.locator('select.hsk-standard-select').selectOption('hsk3');
  await shot(page, testInfo, 'reader-hsk3');
});

test('the Chinese pages translate the provenance note and show a month-dated report as a month', async ({
  page,
}, testInfo) => {
  await page.goto('/zh-Hans');
  await expect(page.locator('.doc-card .provenance').first()).toContainText('非官方译文');
  await expect(page.getByText('Prepared for Duizhao; not an official translation.')).toHaveCount(0);
  await page.goto('/zh-Hant');
  await expect(page.locator('.doc-card .provenance').first()).toContainText('非官方譯文');
  await page.goto('/en');
  const report = manifest().docs.find((d) => /^\d{4}-\d{2}$/.test(d.meta.date));
  expect(report, 'a document dated by month').toBeDefined();
  const card = page.locator('.doc-card', { has: page.locator(`a[href="/en/read/${report!.meta.id}"]`) }).first();
  await expect(card.locator('time')).toHaveText('December 2024');
  await shot(page, testInfo, 'library-en');
});

test('the popover keeps off the English sentence that sentence sync marked @desktop', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const doc = translatedDoc().meta;
  await openReader(page, `/en/read/${doc.id}`);
  // Words of sentences with an aligned English sentence, across the first screen.
  const candidates = page.locator('.pair:has(.cell-en .es) .cell-zh .zs .w');
  const n = Math.min(await candidates.count(), 12);
  let checked = 0;
  for (let i = 0; i < n; i += 3) {
    const word = candidates.nth(i);
    await word.hover();
    await word.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    const synced = page.locator('.es.synced');
    if ((await synced.count()) === 0) continue;
    const pop = await boxOf(page.getByRole('dialog'));
    for (const box of await synced.all()) expect(overlap(pop, await boxOf(box))).toBe(false);
    checked++;
    if (checked === 1) await shot(page, testInfo, 'popover-beside-sync');
    await page.keyboard.press('Escape');
  }
  expect(checked).toBeGreaterThan(0);
});

test('the concordance pages past its first 100 lines, and its lines are not clipped through the glyphs', async ({
  page,
}, testInfo) => {
  // The commonest term with more than 100 occurrences.
  let term = '';
  let total = 0;
  for (const candidate of ['中', '的', '国', '和', '发展', '合作']) {
    const response = await page.request.get(`/api/term?term=${encodeURIComponent(candidate)}&lines=1`);
    if (!response.ok()) continue;
    const body = (await response.json()) as { occurrences?: number; report?: { occurrences: unknown[] } };
    const occurrences =
      typeof body.occurrences === 'number' ? body.occurrences : (body.report?.occurrences.length ?? 0);
    if (occurrences > 120) {
      term = candidate;
      total = occurrences;
      break;
    }
  }
  expect(term, 'a term with more than 120 occurrences').not.toBe('');
  await page.goto(`/en/term/${encodeURIComponent(term)}`);
  const lines = page.locator('.term-kwic .kwic-line');
  await expect(lines).toHaveCount(100);
  await page.locator('.kwic-more a.button-link').click();
  await expect(page).toHaveURL(/lines=200/);
  await expect.poll(() => lines.count()).toBeGreaterThan(100);
  expect(await lines.count()).toBeLessThanOrEqual(Math.min(200, total));
  await expect(page.locator('#kwic-line-100')).toBeInViewport();
  // Each context's box is as tall as its glyphs: nothing cut at the top or bottom.
  const clipped = await page
    .locator('.term-kwic .kwic-left, .term-kwic .kwic-right')
    .evaluateAll((els) => els.slice(0, 40).filter((el) => el.scrollHeight > el.clientHeight + 1).length);
  expect(clipped).toBe(0);
  await shot(page, testInfo, 'concordance-more');
});

test('the glossary filter shows its whole placeholder', async ({ page }, testInfo) => {
  await page.goto('/en/glossary');
  const input = page.locator('#glossary-filter');
  await expect(input).toBeVisible();
  const fits = await input.evaluate((el: HTMLInputElement) => {
    const style = getComputedStyle(el);
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = `${style.fontSize} ${style.fontFamily}`;
    const text = canvas.measureText(el.placeholder).width;
    const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text, inner };
  });
  // The search field's clear button takes about 1 em at the right end.
  expect(fits.text).toBeLessThan(fits.inner - 16);
  await shot(page, testInfo, 'glossary-filter');
});
