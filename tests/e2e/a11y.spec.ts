import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openReader } from './support';

/**
 * No serious or critical WCAG 2.1 A/AA violation (axe-core) on the library, reader, search,
 * term and glossary pages, in the light and the dark colour scheme, and in the reader with the
 * dictionary popover open. Minor and moderate findings are not counted.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);
const SCHEMES = ['light', 'dark'] as const;

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

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
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
        await expectNoSeriousViolations(page);
      });
    }

    for (const { name, path } of READERS) {
      test(`${name}: no serious or critical violations`, async ({ page }) => {
        await openReader(page, path);
        await expectNoSeriousViolations(page);
      });

      test(`${name} with the popover open: no serious or critical violations`, async ({ page }) => {
        await openReader(page, path);
        await page.locator('.cell-zh .w').first().click();
        const gloss = page.locator('[role=dialog].gloss');
        await expect(gloss).toBeVisible();
        // Scan the answer, not the loading note.
        await expect(gloss.locator('.gloss-body > .gloss-note', { hasText: '…' })).toHaveCount(0);
        await expectNoSeriousViolations(page);
      });
    }
  });
}
