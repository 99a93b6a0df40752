/**
 * `npm run bench:reader`: the reader of the largest document as a browser sees it, on `next start`
 * of a production build (run `npx next build` first), in Debian's Chromium driven by Playwright:
 *   - bytes on the wire (CDP `Network.loadingFinished` encodedDataLength; Chromium negotiates the
 *     encoding itself) and decoded, by kind, for the first view (requests sent before the load
 *     event) and for what comes later (lazy chunks, prefetches, the /api/gloss of one tap);
 *   - DOM size (elements) at the load event and after the page has settled;
 *   - Largest Contentful Paint, cold cache (a new browser context) and warm (a second page in it),
 *     median of --runs;
 *   - tap → popover: from a real click or touch tap on a word (its pointerup's timestamp) to the dialog being
 *     placed, and to its dictionary content replacing the loading note, median and p95 over
 *     --words words spread through the document, each with a dictionary key not tapped before, most
 *     far down: the page is scrolled to each as a reader scrolls (a screen every SCROLL_STEP_MS,
 *     so passages come into view one after another), and the word is tapped READ_MS after it is
 *     in view, as a reader reads before tapping; how many taps asked the server (/api/gloss) is
 *     counted;
 * next to the same page figures for the shortest document (the baseline of the same run).
 * Prints a table with each figure's target and PASS/FAIL, then one JSON line. A missed target is
 * reported, not an error: the exit code is 0 unless the benchmark itself could not run.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { chromium, devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import playwrightConfig from '../../playwright.config';
import type { Manifest } from '../../lib/model';
import { ROOT, startNextServer, waitForServer } from './next-server';
import { figure, writeBenchResult, type BenchResult } from './results';
import { percentile } from './stats';
import { printTable } from './table';

const USAGE = `npm run bench:reader -- [options]   (after \`npx next build\`)

  --server URL   measure a running server instead of starting \`next start\`
  --port N       the port for the \`next start\` it starts (default 3104)
  --doc ID       the document (default: the one with the most characters in build/manifest.json)
  --ref ID       the baseline document (default: the one with the fewest; "none" to skip)
  --locale L     en | zh-Hans | zh-Hant (default en)
  --runs N       page loads per cache state for LCP (default 5)
  --words N      words tapped for the popover timing (default 20)
  --device D     desktop | phone (default desktop; phone taps with touch)
  --verbose      list every request with its size
  --json         print only the JSON line
  --help         this text`;

/** The targets of issue "reader performance". */
const TARGET = {
  firstViewHtmlJsBytes: 200_000,
  lcpMs: 1000,
  popoverMs: 50,
};

/** Where the popover lives and what it shows while the dictionary answer is on its way (GlossPopover.tsx). */
export const WORD = '.cell-zh .w';
export const DIALOG = '[role=dialog].gloss';
export const LOADING_NOTE = '.gloss-body > .gloss-note';
/** The page settles (lazy content, prefetches) within this after the load event. */
export const SETTLE_MS = 2000;
/** A reader scrolling through a text: one screen (four fifths of the viewport) every this. */
const SCROLL_STEP_MS = 250;
/** A reader reads a moment before tapping a word just scrolled into view. */
export const READ_MS = 500;
/** A tap whose popover has not opened after this failed. */
const TAP_LIMIT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// Figures

type Kind = 'html' | 'js' | 'css' | 'fetch' | 'font' | 'other';
const KINDS: readonly Kind[] = ['html', 'js', 'css', 'fetch', 'font', 'other'];

interface Transfer {
  url: string;
  kind: Kind;
  /** Bytes on the wire, headers included (compressed when the server compressed). */
  encoded: number;
  /** The body as decoded. */
  decoded: number;
  encoding: string;
  status: number;
  /** Sent before the load event. */
  firstView: boolean;
}

type BytesByKind = Record<Kind, { encoded: number; decoded: number; requests: number }>;

interface Timing {
  median: number;
  p95: number;
  max: number;
  n: number;
}

function timing(values: readonly number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
    n: sorted.length,
  };
}

function kindOf(resourceType: string, mimeType: string): Kind {
  switch (resourceType) {
    case 'Document':
      return 'html';
    case 'Script':
      return 'js';
    case 'Stylesheet':
      return 'css';
    case 'Fetch':
    case 'XHR':
      return 'fetch';
    case 'Font':
      return 'font';
    default:
      return /javascript/.test(mimeType) ? 'js' : 'other';
  }
}

function byKind(transfers: readonly Transfer[]): BytesByKind {
  const out = Object.fromEntries(KINDS.map((k) => [k, { encoded: 0, decoded: 0, requests: 0 }])) as BytesByKind;
  for (const t of transfers) {
    out[t.kind].encoded += t.encoded;
    out[t.kind].decoded += t.decoded;
    out[t.kind].requests += 1;
  }
  return out;
}

const sum = (b: BytesByKind, kinds: readonly Kind[] = KINDS, field: 'encoded' | 'decoded' = 'encoded') =>
  kinds.reduce((n, k) => n + b[k][field], 0);

// ---------------------------------------------------------------------------------------------
// ---------------------------------------------------------------------------------------------
// The browser

export interface Setup {
  browser: Browser;
  device: 'desktop' | 'phone';
  base: string;
}

export async function newContext({ browser, device }: Setup): Promise<BrowserContext> {
  const options =
    device === 'phone' ? devices['Pixel 7'] : { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 860 } };
  const context = await browser.newContext(options);
  // tsx compiles with esbuild's keepNames, which wraps named functions in a `__name` helper that
  // the functions passed to page.evaluate would then call in the page, where it does not exist.
  await context.addInitScript('window.__name = (fn) => fn;');
  return context;
}

/** Every request of the page, with its sizes, as Chromium's network layer reports them. */
async function recordTransfers(page: Page): Promise<{ transfers: Transfer[]; loaded: Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  const transfers: Transfer[] = [];
  const pending = new Map<
    string,
    { url: string; sent: number; type: string; mimeType: string; encoding: string; status: number; decoded: number }
  >();
  let loadAt = Number.POSITIVE_INFINITY;
  let markLoaded = () => undefined as void;
  const loaded = new Promise<void>((resolve) => (markLoaded = resolve));
  cdp.on('Page.loadEventFired', ({ timestamp }) => {
    loadAt = Math.min(loadAt, timestamp);
    markLoaded();
  });
  cdp.on('Network.requestWillBeSent', ({ requestId, request, timestamp, type }) => {
    if (request.url.startsWith('data:')) return;
    pending.set(requestId, {
      url: request.url,
      sent: timestamp,
      type: type ?? 'Other',
      mimeType: '',
      encoding: '',
      status: 0,
      decoded: 0,
    });
  });
  cdp.on('Network.responseReceived', ({ requestId, response, type }) => {
    const p = pending.get(requestId);
    if (!p) return;
    p.type = type;
    p.mimeType = response.mimeType;
    p.status = response.status;
    const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    p.encoding = headers['content-encoding'] ?? 'identity';
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const p = pending.get(requestId);
    if (p) p.decoded += dataLength;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const p = pending.get(requestId);
    if (!p) return;
    pending.delete(requestId);
    transfers.push({
      url: p.url,
      kind: kindOf(p.type, p.mimeType),
      encoded: encodedDataLength,
      decoded: p.decoded,
      encoding: p.encoding,
      status: p.status,
      firstView: p.sent < loadAt,
    });
  });
  await cdp.send('Page.enable');
  await cdp.send('Network.enable');
  return { transfers, loaded };
}

const domSize = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

/** The page's paint figures so far, in ms from navigation start. */
async function paintFigures(
  page: Page,
): Promise<{ lcp: number; lcpElement: string; fcp: number; ttfb: number; load: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let lcp = Number.NaN;
        let lcpElement = '';
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Array<PerformanceEntry & { element?: Element | null }>) {
            lcp = e.startTime;
            const el = e.element;
            lcpElement = el
              ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''}`
              : '(removed)';
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
        // Buffered entries arrive in a task of their own.
        setTimeout(
          () =>
            resolve({
              lcp,
              lcpElement,
              fcp,
              ttfb: nav?.responseStart ?? Number.NaN,
              load: nav?.loadEventEnd ?? Number.NaN,
            }),
          100,
        );
      }),
  );
}

interface PageFigures {
  url: string;
  firstView: BytesByKind;
  later: BytesByKind;
  encodings: string[];
  transfers: Transfer[];
  domAtLoad: number;
  domSettled: number;
  lcpCold: Timing;
  lcpWarm: Timing;
  lcpElement: string;
  fcpCold: Timing;
  ttfbCold: Timing;
  loadCold: Timing;
}

/** Bytes and DOM size of one cold load (then one tap, if `tap`), and LCP over `runs` cold and warm loads. */
async function measurePage(setup: Setup, url: string, runs: number, tap: boolean): Promise<PageFigures> {
  const context = await newContext(setup);
  const page = await context.newPage();
  const { transfers, loaded } = await recordTransfers(page);
  await page.goto(url, { waitUntil: 'load' });
  await loaded;
  const domAtLoad = await domSize(page);
  await page.waitForTimeout(SETTLE_MS);
  const domSettled = await domSize(page);
  if (tap) {
    // The popover's script is running once the first word has become focusable (on a busy machine
    // it may take longer than SETTLE_MS): a click before then opens nothing.
    await page.locator(`${WORD}[tabindex="0"]`).first().waitFor({ state: 'attached' });
    await timeTap(page, setup, 0); // for the bytes of a dictionary lookup
  }
  await context.close();

  const cold = { lcp: [] as number[], fcp: [] as number[], ttfb: [] as number[], load: [] as number[] };
  const warm: number[] = [];
  let lcpElement = '';
  for (let i = 0; i < runs; i++) {
    const ctx = await newContext(setup);
    const first = await ctx.newPage();
    await first.goto(url, { waitUntil: 'load' });
    await first.waitForTimeout(300);
    const c = await paintFigures(first);
    cold.lcp.push(c.lcp);
    cold.fcp.push(c.fcp);
    cold.ttfb.push(c.ttfb);
    cold.load.push(c.load);
    lcpElement = c.lcpElement;
    await first.close();
    const second = await ctx.newPage();
    await second.goto(url, { waitUntil: 'load' });
    await second.waitForTimeout(300);
    warm.push((await paintFigures(second)).lcp);
    await ctx.close();
  }
  const first = transfers.filter((t) => t.firstView);
  const later = transfers.filter((t) => !t.firstView);
  return {
    url,
    firstView: byKind(first),
    later: byKind(later),
    encodings: [...new Set(transfers.filter((t) => t.kind !== 'other').map((t) => `${t.kind}:${t.encoding}`))].sort(),
    transfers,
    domAtLoad,
    domSettled,
    lcpCold: timing(cold.lcp),
    lcpWarm: timing(warm),
    lcpElement,
    fcpCold: timing(cold.fcp),
    ttfbCold: timing(cold.ttfb),
    loadCold: timing(cold.load),
  };
}

interface TapFigures {
  /** The first tap of the page (its dictionary fetch is the server's first, too, on a fresh server). */
  firstTap: { visible: number; loaded: number };
  visible: Timing;
  loaded: Timing;
  painted: Timing;
  /** Taps (of `words`) during which the page asked `/api/gloss` (not answered in the browser). */
  askedServer: number;
  words: Array<{ word: string; index: number; visible: number; loaded: number; painted: number; asked: boolean }>;
}

/** Indices of `count` words with distinct dictionary keys, evenly spread through the document. */
export function spreadWords(keys: readonly string[], count: number, skip: ReadonlySet<string>): number[] {
  const chosen: number[] = [];
  const seen = new Set(skip);
  for (let k = 0; k < count; k++) {
    let i = Math.floor(((k + 0.5) * keys.length) / count);
    while (i < keys.length && seen.has(keys[i]!)) i++;
    if (i >= keys.length) continue;
    seen.add(keys[i]!);
    chosen.push(i);
  }
  return chosen;
}

/**
 * One tap, timed in the page: a pointerup listener (capture, on window) takes the event's own
 * timestamp, which the input carries from when it was sent, so time spent waiting for a busy main
 * thread counts; a MutationObserver notes when the dialog is placed (no longer hidden for
 * measuring) and when its loading note is gone; a frame later it has been painted.
 */
async function timeTap(
  page: Page,
  setup: Setup,
  index: number,
): Promise<{ visible: number; loaded: number; painted: number; asked: boolean }> {
  const word = page.locator(WORD).nth(index);
  await scrollAsReader(page, index);
  await page.waitForTimeout(READ_MS);
  let asked = false;
  const onRequest = (request: { url(): string }) => {
    if (new URL(request.url()).pathname === '/api/gloss') asked = true;
  };
  page.on('request', onRequest);
  await page.evaluate(
    ({ dialogSel, noteSel }) => {
      const w = window as unknown as { __tap: Promise<{ visible: number; loaded: number; painted: number }> };
      w.__tap = new Promise((resolve) => {
        let start = Number.NaN;
        let visible = Number.NaN;
        // The tap is the finger (or button) lifting: its pointerup, which a click follows (mouse,
        // and touch in a reader that opens words on click) or not (touch in a reader that opens a
        // tapped word at once and cancels the click). The click's timestamp is that same input's.
        // A pointer resting on the word may have opened it already (hover, on desktop): once the
        // tap has been handled, whatever the dialog shows then counts, even if nothing changes after.
        const begin = (e: Event) => {
          if (!Number.isNaN(start)) return;
          start = e.timeStamp;
          setTimeout(check);
        };
        window.addEventListener('pointerup', begin, { capture: true, once: true });
        window.addEventListener('click', begin, { capture: true, once: true });
        const check = () => {
          const dialog = document.querySelector<HTMLElement>(dialogSel);
          if (!dialog || Number.isNaN(start)) return;
          if (Number.isNaN(visible) && dialog.style.visibility !== 'hidden') visible = performance.now();
          const note = dialog.querySelector(noteSel);
          if (!Number.isNaN(visible) && !note?.textContent?.includes('…')) {
            const loaded = performance.now();
            observer.disconnect();
            requestAnimationFrame(() =>
              setTimeout(() =>
                resolve({ visible: visible - start, loaded: loaded - start, painted: performance.now() - start }),
              ),
            );
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
      });
    },
    { dialogSel: DIALOG, noteSel: LOADING_NOTE },
  );
  if (setup.device === 'phone') await word.tap();
  else await word.click();
  // A tap that opens nothing is the benchmark failing, not a figure: it stops, never hangs.
  const result = await page.evaluate(
    (limit) =>
      Promise.race([
        (window as unknown as { __tap: Promise<{ visible: number; loaded: number; painted: number }> }).__tap,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no popover ${limit} ms after the tap`)), limit),
        ),
      ]),
    TAP_LIMIT_MS,
  );
  page.off('request', onRequest);
  await page.keyboard.press('Escape');
  await page.locator(DIALOG).waitFor({ state: 'detached' });
  // The mouse leaves the text: scrolling to the next word would otherwise slide some word under
  // the resting pointer, open it by hover, and its popover could cover the word to tap.
  if (setup.device !== 'phone') await page.mouse.move(0, 0);
  return { ...result, asked };
}

/**
 * Brings word `index` to the middle of the viewport as a reader scrolls: a screen at a time, every
 * SCROLL_STEP_MS, so each passage on the way comes into view in turn (not one jump).
 */
export async function scrollAsReader(page: Page, index: number): Promise<void> {
  await page
    .locator(WORD)
    .nth(index)
    .evaluate(async (el, stepMs) => {
      const maxScroll = () => document.documentElement.scrollHeight - window.innerHeight;
      const targetOf = () =>
        Math.max(0, Math.min(maxScroll(), el.getBoundingClientRect().top + window.scrollY - window.innerHeight / 2));
      const step = Math.round(window.innerHeight * 0.8);
      for (let i = 0; i < 500 && Math.abs(targetOf() - window.scrollY) > step; i++) {
        const before = window.scrollY;
        window.scrollBy({ top: Math.sign(targetOf() - window.scrollY) * step, behavior: 'instant' });
        if (window.scrollY === before) break;
        await new Promise((r) => setTimeout(r, stepMs));
      }
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
    }, SCROLL_STEP_MS);
}

/** A reader page loaded in a fresh context, its popover's script running and the page settled. */
export async function openSettledReader(setup: Setup, url: string) {
  const context = await newContext(setup);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // The popover's script is running once the first word has become focusable.
  await page.locator(`${WORD}[tabindex="0"]`).first().waitFor({ state: 'attached' });
  await page.waitForTimeout(SETTLE_MS);
  return { context, page };
}

async function measureTaps(setup: Setup, url: string, count: number): Promise<TapFigures> {
  const { context, page } = await openSettledReader(setup, url);
  const keys = await page
    .locator(WORD)
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.k ?? el.textContent ?? ''));
  const firstTap = await timeTap(page, setup, 0);
  const indices = spreadWords(keys, count, new Set([keys[0]!]));
  const words: TapFigures['words'] = [];
  for (const index of indices) words.push({ word: keys[index]!, index, ...(await timeTap(page, setup, index)) });
  await context.close();
  return {
    firstTap: { visible: firstTap.visible, loaded: firstTap.loaded },
    askedServer: words.filter((w) => w.asked).length,
    visible: timing(words.map((w) => w.visible)),
    loaded: timing(words.map((w) => w.loaded)),
    painted: timing(words.map((w) => w.painted)),
    words,
  };
}

// ---------------------------------------------------------------------------------------------
// The report

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (t: number) => `${t.toFixed(t < 100 ? 1 : 0)} ms`;

const verdict = (value: number, target: number) => (Number.isNaN(value) ? '?' : value < target ? 'PASS' : 'FAIL');

function printReport(
  doc: PageFigures,
  ref: PageFigures | null,
  taps: TapFigures,
  refTaps: TapFigures | null,
  setup: Setup,
  verbose: boolean,
): void {
  const htmlJs = (p: PageFigures) => sum(p.firstView, ['html', 'js']);
  console.log(`reader benchmark: ${doc.url} (${setup.device}; baseline ${ref ? ref.url : 'none'})`);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (the figures are this machine's, shared with others)\n`,
  );
  const refCell = (f: (p: PageFigures) => string) => (ref ? f(ref) : '—');
  const refTapCell = (f: (t: TapFigures) => string) => (refTaps ? f(refTaps) : '—');
  printTable([
    ['figure', 'document', 'target', '', 'baseline doc'],
    [
      'first view: HTML + JS (wire)',
      kB(htmlJs(doc)),
      `< ${kB(TARGET.firstViewHtmlJsBytes)}`,
      verdict(htmlJs(doc), TARGET.firstViewHtmlJsBytes),
      refCell((p) => kB(htmlJs(p))),
    ],
    [
      'LCP, cold cache (median)',
      ms(doc.lcpCold.median),
      `< ${ms(TARGET.lcpMs)}`,
      verdict(doc.lcpCold.median, TARGET.lcpMs),
      refCell((p) => ms(p.lcpCold.median)),
    ],
    [
      'LCP, warm cache (median)',
      ms(doc.lcpWarm.median),
      `< ${ms(TARGET.lcpMs)}`,
      verdict(doc.lcpWarm.median, TARGET.lcpMs),
      refCell((p) => ms(p.lcpWarm.median)),
    ],
    [
      'tap → popover content (median)',
      ms(taps.loaded.median),
      `< ${ms(TARGET.popoverMs)}`,
      verdict(taps.loaded.median, TARGET.popoverMs),
      refTapCell((t) => ms(t.loaded.median)),
    ],
    [
      'tap → popover content (p95)',
      ms(taps.loaded.p95),
      `< ${ms(TARGET.popoverMs)}`,
      verdict(taps.loaded.p95, TARGET.popoverMs),
      refTapCell((t) => ms(t.loaded.p95)),
    ],
    ['tap → dialog placed (median)', ms(taps.visible.median), '', '', refTapCell((t) => ms(t.visible.median))],
    ['tap → dialog placed (p95)', ms(taps.visible.p95), '', '', refTapCell((t) => ms(t.visible.p95))],
    ['tap → content painted (median)', ms(taps.painted.median), '', '', refTapCell((t) => ms(t.painted.median))],
    ['first tap of the page → content', ms(taps.firstTap.loaded), '', '', refTapCell((t) => ms(t.firstTap.loaded))],
    [
      'taps that asked the server',
      `${taps.askedServer} of ${taps.loaded.n}`,
      '',
      '',
      refTapCell((t) => `${t.askedServer} of ${t.loaded.n}`),
    ],
    ['DOM elements at load', String(doc.domAtLoad), '', '', refCell((p) => String(p.domAtLoad))],
    [`DOM elements after ${SETTLE_MS / 1000} s`, String(doc.domSettled), '', '', refCell((p) => String(p.domSettled))],
    ['TTFB, cold (median)', ms(doc.ttfbCold.median), '', '', refCell((p) => ms(p.ttfbCold.median))],
    ['FCP, cold (median)', ms(doc.fcpCold.median), '', '', refCell((p) => ms(p.fcpCold.median))],
    ['load event, cold (median)', ms(doc.loadCold.median), '', '', refCell((p) => ms(p.loadCold.median))],
  ]);
  console.log(
    `LCP element: ${doc.lcpElement}; LCP cold p95 ${ms(doc.lcpCold.p95)}, warm p95 ${ms(doc.lcpWarm.p95)} over ${doc.lcpCold.n} runs; taps over ${taps.loaded.n} words${refTaps ? ` (${refTaps.loaded.n} on the baseline doc)` : ''}\n`,
  );

  for (const [title, p] of [
    ['document', doc],
    ['baseline doc', ref],
  ] as const) {
    if (!p) continue;
    console.log(`bytes, ${title}: wire / decoded (requests)`);
    const cell = (b: BytesByKind[Kind]) =>
      b.requests === 0 ? '—' : `${kB(b.encoded)} / ${kB(b.decoded)} (${b.requests})`;
    printTable([
      ['kind', 'first view', 'later'],
      ...KINDS.map((k) => [k, cell(p.firstView[k]), cell(p.later[k])]),
      [
        'total',
        `${kB(sum(p.firstView))} / ${kB(sum(p.firstView, KINDS, 'decoded'))}`,
        `${kB(sum(p.later))} / ${kB(sum(p.later, KINDS, 'decoded'))}`,
      ],
    ]);
    console.log(`encodings: ${p.encodings.join(' ')}\n`);
    if (verbose) {
      for (const t of p.transfers)
        console.log(
          `  ${t.firstView ? 'first' : 'later'} ${t.kind.padEnd(5)} ${t.status} ${t.encoding.padEnd(8)} ${kB(t.encoded).padStart(9)} ${kB(t.decoded).padStart(9)}  ${t.url}`,
        );
      console.log('');
    }
  }
}

/** The headline figures for the report: the document beside the baseline document, with the issue's targets. */
function benchResult(
  docId: string,
  refId: string | undefined,
  doc: PageFigures,
  ref: PageFigures | null,
  taps: TapFigures,
  refTaps: TapFigures | null,
  device: string,
): BenchResult {
  const htmlJsKB = (p: PageFigures) => sum(p.firstView, ['html', 'js']) / 1000;
  const baseline = `document ${refId}`;
  const page = (f: (p: PageFigures) => number) => (ref ? { name: baseline, value: f(ref) } : undefined);
  const tap = (f: (t: TapFigures) => number) => (refTaps ? { name: baseline, value: f(refTaps) } : undefined);
  return {
    bench: 'reader',
    title: `Reader in Chromium (${device}): document ${docId}, against document ${refId ?? '(none)'} (by default the longest and the shortest)`,
    figures: [
      figure('first view, HTML + JS on the wire', htmlJsKB(doc), 'kB', 'lower', page(htmlJsKB), {
        target: TARGET.firstViewHtmlJsBytes / 1000,
      }),
      figure(
        'first view, every kind on the wire',
        sum(doc.firstView) / 1000,
        'kB',
        'lower',
        page((p) => sum(p.firstView) / 1000),
      ),
      figure(
        'LCP, cold cache (median)',
        doc.lcpCold.median,
        'ms',
        'lower',
        page((p) => p.lcpCold.median),
        { target: TARGET.lcpMs },
      ),
      figure(
        'LCP, warm cache (median)',
        doc.lcpWarm.median,
        'ms',
        'lower',
        page((p) => p.lcpWarm.median),
        { target: TARGET.lcpMs },
      ),
      figure(
        'tap → popover content (median)',
        taps.loaded.median,
        'ms',
        'lower',
        tap((t) => t.loaded.median),
        { target: TARGET.popoverMs },
      ),
      figure(
        'tap → popover content (p95)',
        taps.loaded.p95,
        'ms',
        'lower',
        tap((t) => t.loaded.p95),
        { target: TARGET.popoverMs },
      ),
      figure(
        'DOM elements at load',
        doc.domAtLoad,
        'elements',
        'lower',
        page((p) => p.domAtLoad),
      ),
    ],
    context: {
      device,
      lcpRuns: doc.lcpCold.n,
      words: taps.loaded.n,
      loadavg: loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
    },
  };
}

export function manifestDocs(): Manifest['docs'] {
  const dir = path.resolve(process.env.DUIZHAO_BUILD ?? path.join(ROOT, 'build'));
  return (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest).docs;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      server: { type: 'string' },
      port: { type: 'string', default: '3104' },
      doc: { type: 'string' },
      ref: { type: 'string' },
      locale: { type: 'string', default: 'en' },
      runs: { type: 'string', default: '5' },
      words: { type: 'string', default: '20' },
      device: { type: 'string', default: 'desktop' },
      verbose: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const device = values.device === 'phone' ? 'phone' : 'desktop';
  const bySize = [...manifestDocs()].sort((a, b) => a.stats.characters - b.stats.characters);
  const docId = values.doc ?? bySize.at(-1)?.meta.id;
  const refId = values.ref === 'none' ? undefined : (values.ref ?? bySize[0]?.meta.id);
  if (!docId) throw new Error('the build has no documents');
  const runs = Math.max(1, Number(values.runs));
  const words = Math.max(1, Number(values.words));

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const server = values.server
    ? { url: values.server.replace(/\/$/, ''), stop: async () => undefined }
    : await startNextServer(Number(values.port));
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const setup: Setup = { browser, device, base: server.url };
    const pageUrl = (id: string) => `${server.url}/${values.locale}/read/${id}`;
    // The server's first answers (reading the build, loading the dictionary) are not the browser's.
    await waitForServer(pageUrl(docId), null);
    await fetch(`${server.url}/api/gloss?w=${encodeURIComponent('中国')}`);

    log(`measuring ${pageUrl(docId)}: bytes, DOM, LCP × ${runs}`);
    const doc = await measurePage(setup, pageUrl(docId), runs, true);
    log(`measuring ${words} taps`);
    const taps = await measureTaps(setup, pageUrl(docId), words);
    let ref: PageFigures | null = null;
    let refTaps: TapFigures | null = null;
    if (refId && refId !== docId) {
      log(`measuring the baseline ${pageUrl(refId)}`);
      await waitForServer(pageUrl(refId), null);
      ref = await measurePage(setup, pageUrl(refId), runs, false);
      log(`measuring ${words} taps on the baseline`);
      refTaps = await measureTaps(setup, pageUrl(refId), words);
    }
    if (!values.json) printReport(doc, ref, taps, refTaps, setup, values.verbose);
    const slim = ({ transfers: _t, ...figures }: PageFigures) => figures;
    console.log(
      JSON.stringify({
        bench: 'reader',
        device,
        targets: TARGET,
        doc: slim(doc),
        baseline: ref && slim(ref),
        taps,
        baselineTaps: refTaps,
        pass: {
          firstViewHtmlJs: sum(doc.firstView, ['html', 'js']) < TARGET.firstViewHtmlJsBytes,
          lcpCold: doc.lcpCold.median < TARGET.lcpMs,
          lcpWarm: doc.lcpWarm.median < TARGET.lcpMs,
          popover: taps.loaded.median < TARGET.popoverMs,
        },
        loadavg: loadavg(),
      }),
    );
    await writeBenchResult(benchResult(docId, refId, doc, ref, taps, refTaps, device));
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
