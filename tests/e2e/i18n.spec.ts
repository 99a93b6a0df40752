import { expect, test } from '@playwright/test';
import { isPhone, shot, translatedDoc } from './support';

test('switching the UI language changes the strings and the URL, keeping the page and anchor', async ({
  page,
}, testInfo) => {
  const doc = translatedDoc();
  await page.goto(`/en/read/${doc.meta.id}#p-2`);
  await expect(page.locator('.crumbs')).toContainText('All documents');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const switcher = page.getByRole('navigation', { name: 'Language' });
  await switcher.getByRole('link', { name: '简体中文' }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-Hans/read/${doc.meta.id}#p-2$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('.crumbs')).toContainText('全部文档');
  await expect(page.locator('header').getByRole('searchbox')).toHaveAttribute('placeholder', '输入中文或英文…');

  await page.getByRole('navigation', { name: '界面语言' }).getByRole('link', { name: '繁體中文' }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-Hant/read/${doc.meta.id}#p-2$`));
  await expect(page.locator('.crumbs')).toContainText('全部文件');
  await expect(page.locator('#p-2')).toHaveCSS('box-shadow', /inset/);
  await shot(page, testInfo, 'language-switched');
});

test('the search query survives a language switch', async ({ page }, testInfo) => {
  await page.goto(`/en/search?q=${encodeURIComponent('合作')}`);
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '繁體中文' }).click();
  await expect(page).toHaveURL(/\/zh-Hant\/search\?q=%E5%90%88%E4%BD%9C$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('檢索');
  await expect(page.locator('.hit').first()).toBeVisible();
  await shot(page, testInfo, 'search-switched');
});

test.describe('a Taiwanese browser', () => {
  test.use({ locale: 'zh-TW' });
  test('is sent to the traditional UI', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/zh-Hant$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('文庫');
    await shot(page, testInfo, 'negotiated-zh-Hant', !isPhone(testInfo));
  });
});

test.describe('a Hong Kong browser', () => {
  test.use({ locale: 'zh-HK' });
  test('is sent to the traditional UI, even when it also accepts plain zh', async ({ page, request }, testInfo) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/zh-Hant$/);
    // next-intl alone would pick zh-Hans for this header; the proxy reads zh after zh-HK as traditional.
    const response = await request.get('/', {
      maxRedirects: 0,
      headers: { 'Accept-Language': 'zh-HK,zh;q=0.9,en;q=0.8' },
    });
    expect(response.headers()['location']).toMatch(/\/zh-Hant$/);
    await shot(page, testInfo, 'negotiated-zh-HK');
  });
});

test.describe('a mainland browser', () => {
  test.use({ locale: 'zh-CN' });
  test('is sent to the simplified UI', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/zh-Hans$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('文库');
    await shot(page, testInfo, 'negotiated-zh-Hans');
  });
});

test('an unknown locale is a 404 (row 25)', async ({ page }, testInfo) => {
  for (const path of ['/fr', '/de/read/x', '/zh-CN', '/en-US/search?q=a']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await shot(page, testInfo, 'unknown-locale');
});
