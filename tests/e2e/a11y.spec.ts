import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openReader } from './support';

/**
 * No serious or critical WCAG 2.1 A/AA violation (axe-core) on the library, reader, search,
 * term and glossary pages, in the light and the dark colour scheme, and in the reader with the
 * dictionary popover open. Minor and moderate findings are not counted.
 *
 * The light scheme runs every A/AA rule. The dark scheme swaps colours and nothing else (one
 * `prefers-color-scheme` block of custom properties each in globals.css and reader.css: the
 * markup, names and roles are the same), so there only the rules that read colours run. That
 * halves the time of the dark half without leaving a check out.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
/** The A/AA rules whose outcome depends on the colours: all the dark scheme changes. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

type Results = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = Results['violations'][number];

/** One line a rule, then one line an element: what a failing run prints. */
function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}${n.any[0]?.message ? ` — ${n.any[0].message}` : ''}`);
      return [
        `  ${v.id} (${v.impact}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}): ${v.help}`,
        ...nodes,
      ].join('\n');
    })
    .join('\n');
}

/** Axe over the page (or only the parts named), with the rules the scheme can change. */
async function expectNoSeriousViolations(page: Page, scheme: Scheme, only: readonly string[] = []): Promise<void> {
  let axe = new AxeBuilder({ page });
  axe = scheme === 'light' ? axe.withTags(TAGS) : axe.withRules(COLOUR_RULES);
  for (const selector of only) axe = axe.include(selector);
  const results = await axe.analyze();
  const blocking = results.violations.filter((v) => v.impact != null && BLOCKING.has(v.impact));
  // A count, not the array: the diff of axe's result objects would bury the readable list.
  expect(
    blocking.length,
    `serious or critical accessibility violations on ${page.url()}:\n${describeViolations(blocking)}\n`,
  ).toBe(0);
}

interface PageCase {
  name: string;
  path: string;
  /** Resolves when the page shows what is to be checked. */
  ready: (page: Page) => Promise<void>;
}

const PAGES: readonly PageCase[] = [
  { name: 'library (en)', path: '/en', ready: (page) => expect(page.locator('h1')).toBeVisible() },
  { name: 'library (zh-Hans)', path: '/zh-Hans', ready: (page) => expect(page.locator('h1')).toBeVisible() },
  {
    name: 'search with results',
    path: `/en/search?q=${encodeURIComponent('合作')}`,
    ready: (page) => expect(page.locator('main mark').first()).toBeVisible(),
  },
  {
    name: 'term',
    path: `/en/term/${encodeURIComponent('合作')}`,
    ready: (page) => expect(page.locator('h1')).toContainText('合作'),
  },
  { name: 'glossary', path: '/en/glossary', ready: (page) => expect(page.locator('table').first()).toBeVisible() },
];

const READERS = [
  { name: 'reader', path: '/en/read/2026-05-20-xi-putin-talks' },
  { name: 'reader (traditional)', path: '/zh-Hant/read/2025-05-08-takungpao-moscow-talks' },
];

for (const scheme of SCHEMES) {
  test.describe(`accessibility, ${scheme} scheme`, () => {
    // axe over the glossary table or a reader's thousands of word spans takes 10 to 60 s on two
    // shared cores; the default 30 s is for interactions.
    test.describe.configure({ timeout: 120_000 });

    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    for (const { name, path, ready } of PAGES) {
      test(`${name}: no serious or critical violations`, async ({ page }) => {
        await page.goto(path);
        await ready(page);
        await expectNoSeriousViolations(page, scheme);
      });
    }

    for (const { name, path } of READERS) {
      test(`${name}, then with the popover open: no serious or critical violations`, async ({ page }) => {
        await openReader(page, path);
        await expectNoSeriousViolations(page, scheme);

        await page.locator('.cell-zh .w').first().click();
        const gloss = page.locator('[role=dialog].gloss');
        await expect(gloss).toBeVisible();
        // Scan the answer, not the loading note.
        await expect(gloss.locator('.gloss-body > .gloss-note', { hasText: '…' })).toHaveCount(0);
        // Opening the popover adds the dialog and marks the word and its counterparts in one pair;
        // the rest of the page was scanned above and has not changed.
        const pair = page.locator('.pair', { has: page.locator('.w-active') });
        await expect(pair).toHaveCount(1);
        const pairId = await pair.getAttribute('id');
        expect(pairId, 'the pair holding the open word has an id').toBeTruthy();
        await expectNoSeriousViolations(page, scheme, ['[role=dialog].gloss', `[id="${pairId}"]`]);
      });
    }
  });
}
