/**
 * Blocks of the kinds a page has, as the reader shows them: the CIIS report's two tables are tables
 * (rows and cells, the statistics table's empty cells empty) beside their English tables, on a
 * desktop and a phone; a plain-text page shows its kicker, bylines and a table set with spaces, its
 * table cells read with the sandhi of paragraphs.
 */
import { expect, test, type Locator } from '@playwright/test';
import { isPhone, openReader, shot } from './support';

const CIIS = '2024-12-ciis-report-new-era';
/** The tables sit past the first view: the rest of the report's 229 pairs arrive in one request after load. */
const REST = { timeout: 30_000 };
test.describe.configure({ timeout: 90_000 });

/** The text of every cell of a table, row by row. */
async function cells(table: Locator): Promise<string[][]> {
  return table
    .locator('tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

test('issue 21: the CIIS agreements table (协定名称 / 签署时间) is a table beside its English table', async ({
  page,
}, testInfo) => {
  await page.goto(`/en/read/${CIIS}#p-97`);
  const pair = page.locator('#p-97');
  await expect(pair).toBeVisible(REST);
  const zh = pair.locator('.cell-zh .b-table table');
  const en = pair.locator('.cell-en .b-table table');
  await expect(zh).toBeVisible(REST);
  await expect(en).toBeVisible();
  const zhCells = await cells(zh);
  const enCells = await cells(en);
  expect(zhCells[0]).toEqual(['协定名称', '签署时间']);
  expect(enCells[0]).toEqual(['Title of agreement', 'Year of signing']);
  expect(zhCells).toHaveLength(19);
  expect(enCells).toHaveLength(19);
  expect(zhCells[1]).toEqual(['《中苏政府贸易协定》', '1990年']);
  expect(enCells[1]?.[1]).toBe('1990');
  await expect(zh.locator('thead th')).toHaveCount(2);
  // Row by row: each row of the Chinese table is its own sentence bead, as is the English row.
  expect(await zh.locator('tbody tr').first().getAttribute('data-b')).toBe(
    await en.locator('tbody tr').first().getAttribute('data-b'),
  );
  await pair.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'ciis-agreements-table');
  if (isPhone(testInfo)) {
    // On a phone the table stays inside the screen's width (it scrolls in its own box).
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width + 1);
  }
});

test('issue 21: the CIIS statistics table keeps its empty cells, in Chinese and in English', async ({
  page,
}, testInfo) => {
  await page.goto(`/en/read/${CIIS}#p-141`);
  const pair = page.locator('#p-141');
  const zh = pair.locator('.cell-zh .b-table table');
  const en = pair.locator('.cell-en .b-table table');
  await expect(zh).toBeVisible(REST);
  const zhCells = await cells(zh);
  const enCells = await cells(en);
  expect(zhCells.at(-1)).toEqual(['2022', '', '', '2.3', '99']);
  expect(enCells.at(-1)).toEqual(['2022', '', '', '2.3', '99']);
  expect(zhCells[1]).toEqual(['', '年度流量', '年末存量', '年度流量', '年末存量']);
  await expect(zh.locator('thead tr')).toHaveCount(2);
  await expect(en.locator('thead tr')).toHaveCount(2);
  await pair.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'ciis-statistics-table');
});

/** A plain-text page (tests/fixtures/e2e-corpus/test-page-structure): kicker, headline, byline, a table set with spaces. */
const PAGE = 'test-page-structure';

test('issue 21: a text page shows its kicker small above the headline, its bylines small, its spaced table as a table', async ({
  page,
}, testInfo) => {
  await openReader(page, `/en/read/${PAGE}`);
  const zh = page.locator('.cell-zh');
  const kicker = zh.locator('.b-kicker');
  const headline = zh.locator('.b-heading').filter({ hasText: '中俄贸易不断增长' });
  await expect(kicker).toHaveText('专家解读');
  await expect(headline).toBeVisible();
  // The kicker sits above its headline, in smaller type, and is no heading of the outline.
  const [k, h] = [await kicker.boundingBox(), await headline.boundingBox()];
  expect(k!.y + k!.height).toBeLessThanOrEqual(h!.y + 1);
  const size = (l: typeof kicker) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size(kicker)).toBeLessThan(await size(headline));
  expect(await kicker.evaluate((el) => el.tagName)).toBe('P');
  await expect(zh.locator('.b-byline')).toHaveText(['本报记者王一', '新华社北京5月20日电']);
  // Their English is set the same way; the contents list the headline, not its kicker.
  await expect(page.locator('.cell-en .b-kicker')).toHaveText('Expert view');
  await expect(page.locator('.cell-en .b-byline')).toHaveText(['By our reporter Wang Yi', 'Xinhua, Beijing, 20 May']);
  const contents = page.locator('nav.contents .contents-list');
  if (!isPhone(testInfo)) await expect(contents).toContainText('中俄贸易不断增长');
  await expect(contents.getByText('专家解读')).toHaveCount(0);
  const paragraph = zh.locator('.b-paragraph').first();
  expect(await size(zh.locator('.b-byline').first())).toBeLessThan(await size(paragraph));
  // The table set with spaces is a table of rows and cells, beside the English table.
  const table = zh.locator('.b-table table');
  await expect(table).toBeVisible();
  expect(await cells(table)).toEqual([
    ['项目', '数额', '价格口径'],
    ['出口', '1078.5', '不变价格'],
    ['进口', '1468.7', '一致口径'],
  ]);
  await expect(table.locator('thead th')).toHaveCount(3);
  await expect(page.locator('.cell-en .b-table table tbody tr')).toHaveCount(2);
  await shot(page, testInfo, 'text-page-structure');
});

test('issue 21: pinyin in table cells follows the 一/不 sandhi of paragraphs (不变价格 búbiànjiàgé, 一致 yízhì)', async ({
  page,
}, testInfo) => {
  await openReader(page, `/en/read/${PAGE}`);
  await page.getByRole('button', { name: 'Pinyin' }).click();
  const table = page.locator('.cell-zh .b-table table');
  const budong = table.locator('.w[data-p="bù biàn jià gé"]').first();
  await expect(budong.locator('rt')).toHaveText('búbiànjiàgé');
  const yizhi = table.locator('.w[data-p="yī zhì"]').first();
  await expect(yizhi.locator('rt')).toHaveText('yízhì');
  // The same word in a paragraph reads the same way.
  await expect(page.locator('.cell-zh .b-paragraph .w[data-p="yī zhì"] rt').first()).toHaveText('yízhì');
  await table.scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'text-table-pinyin');
});

test('issue 21: a text page shows its pull quote set apart and its sidebar as an aside after the article', async ({
  page,
}, testInfo) => {
  await openReader(page, `/en/read/${PAGE}`);
  const zh = page.locator('.cell-zh');
  // The pull quote is a blockquote of its own, beside its English, between the paragraphs it stood between.
  const quote = zh.locator('blockquote.b-pullquote');
  await expect(quote).toHaveText('“合作是两国人民的共同愿望。”——王一');
  await expect(quote).toHaveAttribute('aria-label', 'Pull quote');
  await expect(page.locator('.cell-en blockquote.b-pullquote')).toContainText('Cooperation is the shared wish');
  // The box the page set inside the article is read after it: after the closing byline, an aside with its label.
  const aside = zh.locator('aside.b-sidebar');
  await expect(aside).toHaveText(['相关链接', '两国签署新的投资协定', '边境口岸通关更加便利']);
  await expect(aside.first()).toHaveAttribute('data-label', 'Sidebar');
  const byline = zh.locator('.b-byline').last();
  const [b, a] = [await byline.boundingBox(), await aside.first().boundingBox()];
  expect(a!.y).toBeGreaterThan(b!.y);
  await expect(page.locator('.cell-en aside.b-sidebar')).toHaveCount(3);
  await aside.first().scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'text-sidebar-pullquote');
  // In Chinese the label is the page's own.
  await openReader(page, `/zh-Hans/read/${PAGE}`);
  await expect(page.locator('.cell-zh aside.b-sidebar').first()).toHaveAttribute('data-label', '边栏');
});
