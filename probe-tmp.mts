import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('response', (r) => { if (r.url().includes('/api/')) console.log(Date.now() % 100000, 'resp', r.status(), r.url().slice(22, 110)); });
await page.goto('http://127.0.0.1:3402/en/read/2024-12-ciis-report-new-era');
await page.waitForTimeout(5000);
await page.evaluate(() => {
  const log: string[] = ((window as any).__log = []);
  let start = 0;
  window.addEventListener('click', (e) => { start = e.timeStamp; log.push('click ' + (performance.now() - start).toFixed(1)); }, { capture: true, once: true });
  new MutationObserver(() => {
    const d = document.querySelector<HTMLElement>('[role=dialog].gloss');
    if (d) log.push(`${(performance.now() - start).toFixed(1)} vis=${d.style.visibility} note=${d.querySelector('.gloss-body > .gloss-note')?.textContent ?? '-'}`);
  }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
});
console.log(Date.now() % 100000, 'click');
await page.locator('.cell-zh .w').nth(0).click();
await page.waitForTimeout(1500);
console.log((await page.evaluate(() => (window as any).__log)).slice(0, 15).join('\n'));
await browser.close();
