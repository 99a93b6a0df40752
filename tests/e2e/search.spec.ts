import { expect, test } from '@playwright/test';
import { isPhone, recordDialogs, shot } from './support';

test('searching 合作 shows an exact count and the term marked in every hit', async ({ page, request }, testInfo) => {
  const api = await request.get(`/api/search?q=${encodeURIComponent('合作')}&limit=1`);
  await expect(api).toBeOK();
  const { total } = (await api.json()) as { total: number };
  expect(total).toBeGreaterThan(0);

  // Through the header's search box, as a reader would.
  await page.goto('/en');
  const box = page.locator('header').getByRole('searchbox');
  await box.fill('合作');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/en\/search\?q=/);
  await expect(page.locator('#results-count')).toHaveAttribute('data-total', String(total));
  await expect(page.locator('#results-count')).toContainText(`${total.toLocaleString('en')} passage`);
  const hits = page.locator('.hit');
  await expect(hits).toHaveCount(Math.min(total, 20));
  await expect(hits.first().locator('.hit-zh mark').first()).toHaveText('合作');
  await shot(page, testInfo, 'search-hezuo');
});

test('traditional 關係 finds simplified text, and a hit opens the reader at its pair', async ({ page }, testInfo) => {
  await page.goto(`/zh-Hant/search?q=${encodeURIComponent('關係')}`);
  const first = page.locator('.hit').first();
  await expect(first).toBeVisible();
  await expect(first.locator('.hit-zh mark').first()).toHaveText('关系');
  const link = first.locator('a.hit-title');
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/zh-Hant\/read\/[a-z0-9-]+#p-\d+$/);
  await shot(page, testInfo, 'search-guanxi');

  if (isPhone(testInfo)) await link.tap();
  else await link.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const anchor = href.slice(href.indexOf('#'));
  const pair = page.locator(anchor);
  await expect(pair).toBeInViewport();
  await expect(pair).toHaveCSS('box-shadow', /inset/);
  await expect(pair.locator('.cell-zh')).toContainText(/关系|關係/);
  await shot(page, testInfo, 'search-followed');
});

test('a search with no hits says so clearly', async ({ page }, testInfo) => {
  await page.goto(`/en/search?q=${encodeURIComponent('zzyzx')}`);
  await expect(page.locator('#results-count')).toHaveText('No passages for “zzyzx”');
  await expect(page.locator('.empty-state')).toContainText('Nothing in the corpus matches');
  await expect(page.locator('.hit')).toHaveCount(0);
  await shot(page, testInfo, 'search-empty');
});

test('the search page survives hostile queries and shows them as text', async ({ page }, testInfo) => {
  const dialogs = recordDialogs(page);
  for (const q of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '__proto__', '\\', '*']) {
    const response = await page.goto(`/en/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
    await expect(page.getByRole('searchbox', { name: 'Search the corpus' }).last()).toHaveValue(q);
  }
  for (const raw of ['%E4%B8', '%ED%A0%80', '%00', 'x'.repeat(201)]) {
    const response = await page.goto(`/en/search?q=${raw}`);
    expect(response?.status(), raw).toBe(200);
    await expect(page.locator('.empty-state.error[role="alert"]')).toBeVisible();
  }
  await page.goto('/en/search');
  await expect(page.locator('.empty-state')).toContainText('Type a Chinese or English word');
  expect(dialogs).toEqual([]);
  await shot(page, testInfo, 'search-hostile');
});
