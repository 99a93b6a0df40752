import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { Manifest } from '../../lib/model';

/** The build the server under test reads (same rule as lib/store). */
export function manifest(): Manifest {
  const dir = path.resolve(process.env.DUIZHAO_BUILD ?? path.join(process.cwd(), 'build'));
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

type DocEntry = Manifest['docs'][number];

/** A document with an English translation (the reader's two columns), preferring one with unaligned pairs. */
export function translatedDoc(): DocEntry {
  const docs = manifest().docs.filter((d) => d.meta.translation && d.stats.enBlocks > 0);
  const doc = docs.find((d) => d.stats.unaligned > 0) ?? docs[0];
  if (!doc) throw new Error('The build has no translated document: the e2e tests need one.');
  return doc;
}

export function traditionalDoc(): DocEntry | undefined {
  return manifest().docs.find((d) => d.meta.variant !== 'simplified');
}

/** Saves `tests/e2e/screenshots/<name>-<project>.png` (git-ignored, kept as a CI artifact). */
export async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  await page.screenshot({
    path: path.join('tests', 'e2e', 'screenshots', `${name}-${testInfo.project.name}.png`),
    fullPage,
  });
}

export const isPhone = (testInfo: TestInfo) => testInfo.project.name === 'phone';

/**
 * Opens a reader page and waits for its popover script to run (it makes the first word
 * focusable), so that a click on a word is never lost before hydration.
 */
export async function openReader(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.cell-zh .w').first()).toHaveAttribute('tabindex', '0');
}

type Box = { x: number; y: number; width: number; height: number };

/** Whether two boxes share any area (a popover over the word it explains). */
export const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return box;
}

/** Records (and dismisses) every dialog the page opens: an alert() from injected script shows here. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}
