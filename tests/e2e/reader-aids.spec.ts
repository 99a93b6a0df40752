import { expect, test, type Page } from '@playwright/test';
import { joinSyllables } from '../../lib/learner/readings';
import { isPhone, manifest, openReader, shot, traditionalDoc } from './support';

/** The longest document: its first view is in the HTML and the rest is fetched. */
function longestDoc() {
  const docs = [...manifest().docs].sort((a, b) => b.stats.pairs - a.stats.pairs);
  return docs[0]!;
}

const SETTINGS_KEY = 'duizhao.reader.settings.v1';

// Most of these tests open the longest document and restyle all of it (text size, HSK marks,
// reveal): on a 2-core machine running the suite that takes 25–45 s, so they get 90 s rather than
// Playwright's default 30. The reader's speed itself is measured by bench:reader, not here.
test.describe.configure({ timeout: 90_000 });

async function openSettings(page: Page) {
  const button = page.getByRole('button', { name: 'Settings' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.locator('.settings-panel')).toBeVisible();
}

async function closeSettings(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.locator('.settings-panel')).toBeHidden();
}

/** Waits until every pair of the document is drawn (the rest arrives after the first view). */
async function allPairs(page: Page, count: number) {
  await expect(page.locator('.pair')).toHaveCount(count);
}

test('pinyin and zhuyin ruby, remembered between visits', async ({ page }, testInfo) => {
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  await expect(page.locator('.cell-zh rt')).toHaveCount(0);
  const pinyin = page.getByRole('button', { name: 'Pinyin' });
  await expect(pinyin).toHaveAttribute('aria-pressed', 'false');
  await pinyin.click();
  await expect(pinyin).toHaveAttribute('aria-pressed', 'true');
  // Each word carries one reading, its syllables joined (from the word's reading in context).
  const word = page.locator('.cell-zh .w[data-p]').first();
  const syllables = [joinSyllables(((await word.getAttribute('data-p')) ?? '').split(' '))];
  await expect(word.locator('rt')).toHaveText(syllables);
  await expect(word.locator('rt').first()).toBeVisible();
  // The popover still names the word, not its ruby.
  await expect(word).toHaveAttribute('data-o', /\p{Script=Han}/u);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Pinyin' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.cell-zh .w[data-p]').first().locator('rt')).toHaveText(syllables);

  await openSettings(page);
  await page.getByRole('radio', { name: 'Zhuyin' }).check();
  await closeSettings(page);
  await expect(page.locator('.cell-zh .w[data-p]').first().locator('rt').first()).toHaveText(
    /^[\u3100-\u312F\u02C7\u02CA\u02CB\u02D9]+$/u,
  );
  await shot(page, testInfo, 'aids-zhuyin');
  expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), SETTINGS_KEY)) ?? '{}')).toMatchObject({
    annotation: 'zhuyin',
  });
});

test('tone colours in the standard and Pleco schemes', async ({ page }, testInfo) => {
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  await expect(page.locator('.tone')).toHaveCount(0);
  await openSettings(page);
  await page.getByRole('radio', { name: 'Standard' }).check();
  const third = page.locator('.cell-zh .tone-3').first();
  await expect(third).toHaveCSS('color', 'rgb(26, 122, 53)');
  await expect(page.locator('.cell-zh .tone-4').first()).toHaveCSS('color', 'rgb(31, 79, 209)');
  await page.getByRole('radio', { name: 'Pleco' }).check();
  await expect(third).toHaveCSS('color', 'rgb(31, 79, 209)');
  await expect(page.locator('.cell-zh .tone-4').first()).toHaveCSS('color', 'rgb(123, 47, 191)');
  await closeSettings(page);
  await shot(page, testInfo, 'aids-tones');
});

test('a traditional document can be read in simplified characters', async ({ page }, testInfo) => {
  const doc = traditionalDoc();
  expect(doc, 'the corpus has a traditional document').toBeDefined();
  if (!doc) return;
  await openReader(page, `/en/read/${doc.meta.id}`);
  const words = page.locator('.cell-zh .w');
  const index = await words.evaluateAll((els) => els.findIndex((el) => (el as HTMLElement).dataset.s !== undefined));
  expect(index).toBeGreaterThanOrEqual(0);
  const original = (await words.nth(index).textContent()) ?? '';
  const simplified = (await words.nth(index).getAttribute('data-s')) ?? '';
  await openSettings(page);
  await page.getByRole('radio', { name: 'Simplified', exact: true }).check();
  await closeSettings(page);
  await expect(words.nth(index)).toHaveText(simplified);
  await expect(words.nth(index)).not.toHaveAttribute('data-s');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Traditional (original)' }).check();
  await expect(words.nth(index)).toHaveText(original);
  await closeSettings(page);
  await shot(page, testInfo, 'aids-script');
});

test('a simplified document offers its own script and the two traditional standards', async ({ page }) => {
  const doc = manifest().docs.find((d) => d.meta.variant === 'simplified')!;
  await openReader(page, `/en/read/${doc.meta.id}`);
  await openSettings(page);
  await expect(page.getByRole('radio', { name: 'Simplified (original)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Simplified', exact: true })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Traditional (Taiwan)' })).toHaveCount(1);
  await expect(page.getByRole('radio', { name: 'Traditional (Hong Kong)' })).toHaveCount(1);
});

test('HSK marks by level, and the pinyin of known words softened or hidden', async ({ page }, testInfo) => {
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  await page.getByRole('button', { name: 'Pinyin' }).click();
  await openSettings(page);
  await page.getByRole('checkbox', { name: 'Mark words by HSK level' }).check();
  const level1 = page.locator('.cell-zh .w.hsk-1').first();
  await expect(level1).toHaveCSS('border-bottom-color', 'rgb(43, 138, 62)');
  await expect(page.locator('.cell-zh .w.hsk-6').first()).toHaveCSS('border-bottom-color', 'rgb(166, 30, 77)');
  await expect(page.locator('.cell-zh .w.hsk-0').first()).toHaveCSS('border-bottom-style', 'dotted');
  await page.getByRole('combobox', { name: /My level/ }).selectOption('3');
  await expect(level1).toHaveClass(/\bknown\b/);
  await expect(page.locator('.cell-zh .w.hsk-4').first()).not.toHaveClass(/\bknown\b/);
  await expect(level1.locator('rt').first()).toHaveCSS('opacity', '0.3');
  await page.getByRole('radio', { name: 'Hide' }).check();
  await expect(level1.locator('rt').first()).toHaveCSS('visibility', 'hidden');
  await expect(page.locator('.cell-zh .w.hsk-5 rt').first()).toHaveCSS('visibility', 'visible');
  await closeSettings(page);
  await shot(page, testInfo, 'aids-hsk');
});

test('reveal mode hides the English until a sentence or the pair is tapped', async ({ page }, testInfo) => {
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  await page.getByRole('button', { name: 'Reveal' }).click();
  // A pair with at least two English sentences.
  const pair = page.locator('.pair:has(.cell-en .es + .es)').first();
  await pair.scrollIntoViewIfNeeded();
  const sentences = pair.locator('.cell-en .es');
  await expect(sentences.first()).toHaveClass(/es-hidden/);
  await expect(sentences.first()).toHaveCSS('color', 'rgba(0, 0, 0, 0)');
  await sentences.first().click();
  await expect(sentences.first()).not.toHaveClass(/es-hidden/);
  const bead = await sentences.first().getAttribute('data-b');
  const others = pair.locator(`.cell-en .es:not([data-b~="${bead}"])`);
  if ((await others.count()) > 0) await expect(others.first()).toHaveClass(/es-hidden/);
  await shot(page, testInfo, 'aids-reveal');
  await pair.getByRole('button', { name: 'Show the translation' }).click();
  await expect(pair.locator('.es-hidden')).toHaveCount(0);
  await expect(pair.getByRole('button', { name: 'Show the translation' })).toHaveCount(0);
  // Remembered: the mode, not what was revealed.
  await page.reload();
  await expect(page.locator('.cell-en .es').first()).toHaveClass(/es-hidden/);
});

test('interlinear mode puts pinyin and a short gloss under every word', async ({ page }, testInfo) => {
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  const glosses = page.waitForResponse((r) => r.url().includes('/api/reader/glosses') && r.status() === 200);
  await page.getByRole('button', { name: 'Interlinear' }).click();
  await glosses;
  const word = page.locator('.cell-zh .w.wi', { has: page.locator('.wi-zh', { hasText: /^合作$/ }) }).first();
  await word.scrollIntoViewIfNeeded();
  await expect(word.locator('.wi-py')).toHaveText('hézuò'); // a word's syllables joined, as pinyin writes words
  await expect(word.locator('.wi-gl')).toHaveText('to cooperate');
  // Under the characters, not beside them.
  const zh = await word.locator('.wi-zh').boundingBox();
  const gloss = await word.locator('.wi-gl').boundingBox();
  expect(gloss!.y).toBeGreaterThan(zh!.y + zh!.height - 1);
  await shot(page, testInfo, 'aids-interlinear');
});

test('sentence sync marks the aligned sentence on the other side, and can be turned off', async ({
  page,
}, testInfo) => {
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  const pair = page.locator('.pair:has(.cell-zh .zs + .zs):has(.cell-en .es + .es)').first();
  await pair.scrollIntoViewIfNeeded();
  const sentence = pair.locator('.cell-zh .zs').nth(1);
  const bead = (await sentence.getAttribute('data-b')) ?? '';
  if (isPhone(testInfo)) await sentence.locator('.w').first().tap();
  else await sentence.hover();
  const aligned = pair.locator(`.cell-en .es[data-b~="${bead}"]`);
  await expect(aligned.first()).toHaveClass(/\bsynced\b/);
  await expect(sentence).toHaveClass(/\bsynced\b/);
  await expect(pair.locator(`.cell-en .es:not([data-b~="${bead}"]).synced`)).toHaveCount(0);
  await shot(page, testInfo, 'aids-sync');
  await page.keyboard.press('Escape');
  await openSettings(page);
  await page.getByRole('checkbox', { name: /Sentence sync/ }).uncheck();
  await closeSettings(page);
  await expect(page.locator('.synced')).toHaveCount(0);
});

test('the contents sidebar lists the headings and jumps to them', async ({ page }, testInfo) => {
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  await allPairs(page, doc.stats.pairs);
  const nav = page.getByRole('navigation', { name: 'Contents' });
  if (isPhone(testInfo)) {
    await expect(nav).toBeHidden();
    await page.getByRole('button', { name: 'Contents' }).click();
  }
  await expect(nav).toBeVisible();
  const entries = nav.getByRole('link');
  expect(await entries.count()).toBeGreaterThan(5);
  const last = entries.last();
  const href = (await last.getAttribute('href')) ?? '';
  expect(href).toMatch(/^#p-\d+$/);
  await last.click();
  await expect(page.locator(href)).toBeInViewport();
  await expect(page.locator(href)).toHaveClass(/pair-current/);
  if (isPhone(testInfo)) await expect(nav).toBeHidden();
  else await expect(last).toHaveAttribute('aria-current', 'location');
  expect(new URL(page.url()).hash).toBe(href);
  await shot(page, testInfo, 'aids-contents');
});

test('text size grows and shrinks by steps, remembered', async ({ page }) => {
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  const cell = page.locator('.cell-zh').first();
  const size = async () => parseFloat(await cell.evaluate((el) => getComputedStyle(el).fontSize));
  const before = await size();
  await openSettings(page);
  await page.locator('.settings-panel').getByRole('button', { name: 'Larger text' }).click();
  await page.locator('.settings-panel').getByRole('button', { name: 'Larger text' }).click();
  await expect.poll(size).toBeCloseTo(before * 1.21, 0);
  await page.reload();
  await expect.poll(size).toBeCloseTo(before * 1.21, 0);
  await openSettings(page);
  for (let i = 0; i < 4; i++)
    await page.locator('.settings-panel').getByRole('button', { name: 'Smaller text' }).click();
  await expect.poll(size).toBeCloseTo(before * 0.826, 0);
  await expect(page.locator('.settings-panel').getByRole('button', { name: 'Smaller text' })).toBeDisabled();
});

test('keyboard shortcuts: j/k move between pairs, p pinyin, r reveal, ? lists them @desktop', async ({
  page,
}, testInfo) => {
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  await page.keyboard.press('j');
  const first = page.locator('.pair-current');
  await expect(first).toHaveCount(1);
  const id = Number(await first.getAttribute('data-pair'));
  await page.keyboard.press('j');
  await expect(page.locator(`#p-${id + 2}`)).toHaveClass(/pair-current/);
  await expect(page.locator(`#p-${id + 2}`)).toBeFocused();
  await expect(page.locator(`#p-${id + 2}`)).toBeInViewport();
  await page.keyboard.press('k');
  await expect(page.locator(`#p-${id + 1}`)).toHaveClass(/pair-current/);

  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Pinyin' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Pinyin' })).toHaveAttribute('aria-pressed', 'false');

  // r turns reveal mode on, then shows and hides the current pair's translation.
  await page.keyboard.press('r');
  const current = page.locator(`#p-${id + 1}`);
  await expect(page.getByRole('button', { name: 'Reveal' })).toHaveAttribute('aria-pressed', 'true');
  await expect(current.locator('.es').first()).toHaveClass(/es-hidden/);
  await page.keyboard.press('r');
  await expect(current.locator('.es-hidden')).toHaveCount(0);
  await page.keyboard.press('r');
  await expect(current.locator('.es').first()).toHaveClass(/es-hidden/);

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const key of ['j', 'k', 'p', 'r', '?'])
    await expect(dialog.locator('kbd').filter({ hasText: key }).filter({ hasNotText: /../ })).toHaveCount(1);
  await shot(page, testInfo, 'aids-shortcuts');
  // Shortcuts are off while the list is open, and Escape closes it.
  await page.keyboard.press('j');
  await expect(page.locator(`#p-${id + 1}`)).toHaveClass(/pair-current/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // A key typed into the search box is text, not a shortcut.
  const search = page.getByRole('searchbox').first();
  if (await search.isVisible()) {
    await search.fill('');
    await search.press('j');
    await expect(search).toHaveValue('j');
    await expect(page.locator(`#p-${id + 1}`)).toHaveClass(/pair-current/);
  }
});

test('a deep link past the first view lands on its pair once the rest arrives', async ({ page }, testInfo) => {
  const doc = longestDoc();
  const target = doc.stats.pairs - 3;
  await page.goto(`/en/read/${doc.meta.id}#p-${target}`);
  const pair = page.locator(`#p-${target}`);
  await expect(pair).toBeInViewport();
  await expect(pair).toHaveClass(/pair-current/);
  await shot(page, testInfo, 'aids-deep-link');
});

test('pairs off screen skip layout, each keeping its true size, and text size changes re-measure them', async ({
  page,
}) => {
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  await allPairs(page, doc.stats.pairs);
  const root = page.locator('.reader-body');
  await expect(root).toHaveAttribute('data-skip', '');
  // A pair far down is skipped (not rendered) while the page keeps every pair's remembered size:
  // the page is exactly as tall with skipping on as with every pair laid out.
  const heights = () =>
    page.evaluate((last) => {
      const body = document.querySelector<HTMLElement>('.reader-body')!;
      const far = document.getElementById(`p-${last}`)!;
      const skipped = !far.querySelector('.cell-zh')!.checkVisibility({ contentVisibilityAuto: true });
      const withSkip = document.documentElement.scrollHeight;
      delete body.dataset.skip;
      const laidOut = document.documentElement.scrollHeight;
      body.dataset.skip = '';
      return { skipped, withSkip, laidOut };
    }, doc.stats.pairs - 1);
  const before = await heights();
  expect(before.skipped).toBe(true);
  expect(Math.abs(before.withSkip - before.laidOut)).toBeLessThan(2);
  // Larger text resizes every pair, on screen or not: they are measured again, then skipped again.
  await page.keyboard.press('+');
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(before.laidOut);
  await expect(root).toHaveAttribute('data-skip', '');
  const after = await heights();
  expect(after.laidOut).toBeGreaterThan(before.laidOut);
  expect(Math.abs(after.withSkip - after.laidOut)).toBeLessThan(2);
});

test('the first view is in the HTML; the rest is fetched, and the page holds every pair', async ({ page, request }) => {
  const doc = longestDoc();
  const html = await (await request.get(`/en/read/${doc.meta.id}`)).text();
  const inHtml = (html.match(/class="pair[ "]/g) ?? []).length;
  expect(inHtml).toBeGreaterThan(0);
  expect(inHtml).toBeLessThan(doc.stats.pairs);
  await openReader(page, `/en/read/${doc.meta.id}`);
  await allPairs(page, doc.stats.pairs);
  await expect(page.locator('.pairs-loading')).toHaveCount(0);
});

test('the reading position is remembered per document', async ({ page }, testInfo) => {
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  await allPairs(page, doc.stats.pairs);
  const target = Math.floor(doc.stats.pairs / 2);
  await page.locator(`#p-${target}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect
    .poll(async () =>
      page.evaluate((id) => JSON.parse(localStorage.getItem('duizhao.reader.position.v1') ?? '{}')[id], doc.meta.id),
    )
    .toBeGreaterThanOrEqual(target - 2);
  const saved = await page.evaluate(
    (id) => JSON.parse(localStorage.getItem('duizhao.reader.position.v1') ?? '{}')[id] as number,
    doc.meta.id,
  );
  await page.goto('/en');
  await page.goto(`/en/read/${doc.meta.id}`);
  await expect(page.locator(`#p-${saved + 1}`)).toBeInViewport();
  const note = page.locator('.resume-note');
  await expect(note).toContainText(`passage ${saved + 1}`);
  await shot(page, testInfo, 'aids-resume');
  await note.getByRole('button', { name: 'Back to the start' }).click();
  await expect(page.locator('#p-1')).toBeInViewport();
  // Another document starts at its top.
  const other = manifest().docs.find((d) => d.meta.id !== doc.meta.id)!;
  await page.goto(`/en/read/${other.meta.id}`);
  await expect(page.locator('.resume-note')).toHaveCount(0);
});

test('listening: a button per pair where a Chinese voice exists, none where it does not', async ({ page }) => {
  const doc = longestDoc();
  // The browser's speech API, replaced by a recorder whose only voice speaks the language that
  // sessionStorage names, so both kinds of system can be tried in one tab.
  await page.addInitScript(() => {
    const lang = sessionStorage.getItem('test-voice') ?? 'en-US';
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    const voice = { lang, name: `Test ${lang}`, default: true, localService: true, voiceURI: lang };
    class Utterance {
      text: string;
      voice: unknown = null;
      lang = '';
      rate = 1;
      onstart: (() => void) | null = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const synth = {
      getVoices: () => [voice],
      speak: (u: Utterance) => {
        spoken.push(u.text);
        setTimeout(() => u.onstart?.(), 0);
      },
      cancel: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  });
  await openReader(page, `/en/read/${doc.meta.id}`);
  await expect(page.locator('.pair-listen')).toHaveCount(0);

  await page.evaluate(() => sessionStorage.setItem('test-voice', 'zh-CN'));
  await openReader(page, `/en/read/${doc.meta.id}`);
  const pair = page.locator('.pair:has(.cell-zh .zs)').nth(2);
  const button = pair.getByRole('button', { name: /Listen to passage/ });
  await button.click();
  const texts = await pair.locator('.cell-zh .zs').evaluateAll((els) => els.map((el) => el.textContent));
  await expect.poll(() => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken)).toEqual(texts);
  await expect(pair.locator('.zs.spoken').first()).toBeVisible();
});

test('print: the parallel text without controls, hidden translations shown', async ({ page }, testInfo) => {
  const doc = longestDoc();
  await page.addInitScript((key) => localStorage.setItem(key, JSON.stringify({ reveal: true })), SETTINGS_KEY);
  await openReader(page, `/en/read/${doc.meta.id}`);
  await allPairs(page, doc.stats.pairs);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.reader-bar')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  const hidden = page.locator('.es-hidden').first();
  await expect(hidden).not.toHaveCSS('color', 'rgba(0, 0, 0, 0)');
  // Side by side on paper, whatever the screen.
  const pair = page.locator('.pair:has(.cell-zh):has(.cell-en)').first();
  const zh = await pair.locator('.cell-zh').boundingBox();
  const en = await pair.locator('.cell-en').boundingBox();
  expect(en!.x).toBeGreaterThanOrEqual(zh!.x + zh!.width);
  await shot(page, testInfo, 'aids-print');
  if (!isPhone(testInfo)) {
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(50_000);
  }
});

test('dark mode follows the system', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(23, 25, 28)');
  await expect(page.locator('.reader-bar')).toHaveCSS('background-color', 'rgb(23, 25, 28)');
  await shot(page, testInfo, 'aids-dark');
});

test('settings that storage mangled fall back to the defaults', async ({ page }) => {
  await page.addInitScript((key) => localStorage.setItem(key, '{"annotation":"klingon","textSize":1e9,'), SETTINGS_KEY);
  const doc = longestDoc();
  await openReader(page, `/en/read/${doc.meta.id}`);
  await expect(page.getByRole('button', { name: 'Pinyin' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.cell-zh rt')).toHaveCount(0);
});

test('the reader speaks Chinese in the Chinese UI', async ({ page }) => {
  const doc = longestDoc();
  await openReader(page, `/zh-Hans/read/${doc.meta.id}`);
  await expect(page.getByRole('toolbar', { name: '阅读辅助' })).toBeVisible();
  await expect(page.getByRole('button', { name: '拼音' })).toBeVisible();
  await openReader(page, `/zh-Hant/read/${doc.meta.id}`);
  await expect(page.getByRole('button', { name: '設定' })).toBeVisible();
});

test('a word saved from the popover appears in the vocabulary list with its sentence and English', async ({
  page,
}, testInfo) => {
  const doc = longestDoc();
  // Pinyin on: the saved word and sentence must not pick up the ruby's text.
  await page.addInitScript((key) => localStorage.setItem(key, JSON.stringify({ annotation: 'pinyin' })), SETTINGS_KEY);
  await openReader(page, `/en/read/${doc.meta.id}`);
  const word = page.locator('.cell-zh .w[data-o="合作"]').first();
  await word.scrollIntoViewIfNeeded();
  const pairId = Number(await word.evaluate((el) => el.closest<HTMLElement>('.pair')?.dataset.pair));
  const sentence = await word.evaluate((el) => {
    const s = el.closest('.zs')!.cloneNode(true) as HTMLElement;
    for (const rt of s.querySelectorAll('rt')) rt.remove();
    return s.textContent;
  });
  if (isPhone(testInfo)) await word.tap();
  else await word.click();
  const dialog = page.getByRole('dialog', { name: /合作/ });
  const save = dialog.getByRole('button', { name: 'Save word' });
  // The status region is cleared 2.5 s after it speaks (so that the same message can be spoken
  // again): what it said is recorded as it changes, not read afterwards on a slow machine.
  await page.evaluate(() => {
    const region = document.querySelector('.sr-status')!;
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await save.click();
  await expect(dialog.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { said: string[] }).said))
    .toContain('Saved to your vocabulary');
  await shot(page, testInfo, 'aids-save');

  await page.goto('/en/vocabulary');
  const item = page.locator('li', { hasText: 'hé zuò' }).first();
  await expect(item).toContainText('合作');
  await expect(item).toContainText(sentence ?? '');
  await expect(item).toContainText('cooperat');
  await expect(item.locator(`a[href$="#p-${pairId + 1}"]`)).toHaveCount(1);
});
