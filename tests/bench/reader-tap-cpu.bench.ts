/**
 * `npm run bench:reader-cpu`: the main thread's own CPU time for one tap on a word of the reader,
 * from a Chromium trace (CDP `Tracing`), for two servers side by side: the build measured and a
 * baseline build (`--base URL`, e.g. `next start` of the previous commit on another port), tapping
 * the same words of the same document in turn, A then B then B then A…, in the same minutes.
 *
 * Why CPU and not the wall clock: on a shared two-core machine a tap's wall-clock time is mostly
 * the other processes' (bench:reader's p95 moves by tens of ms from run to run with the load
 * average); the thread CPU time (`tdur`) of the renderer's main-thread tasks is what the page's
 * own code costs, and a busy machine stretches it far less.
 *
 * A tap's window: from the main-thread task that dispatches its `pointerdown` to the end of the
 * first task that paints after the popover's content is in the page (an in-page observer puts a
 * user-timing mark there). Every top-level task of the main thread in that window counts (the
 * input events, React's render, layout, style, paint, timers that ran meanwhile). Also printed:
 * the same window's wall-clock time, and where the CPU went (by event type and by trace event).
 *
 * Prints a table (median and p95 of each build, the ratio) and one JSON line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import playwrightConfig from '../../playwright.config';
import {
  DIALOG,
  LOADING_NOTE,
  manifestDocs,
  openSettledReader,
  READ_MS,
  scrollAsReader,
  spreadWords,
  WORD,
  type Setup,
} from './reader.bench';
import { figure, writeBenchResult } from './results';
import { percentile } from './stats';
import { printTable } from './table';

const USAGE = `npm run bench:reader-cpu -- --server URL [--base URL] [options]   (servers running \`next start\`)

  --server URL   the build measured
  --base URL     the baseline build, measured word for word beside it (optional)
  --doc ID       the document (default: the one with the most characters in the build's manifest)
  --locale L     en | zh-Hans | zh-Hant (default en)
  --words N      words tapped on each server (default 12), spread through the document
  --device D     phone | desktop (default phone: touch taps on a Pixel 7 profile)
  --detail       print where each tap's CPU went
  --save DIR     write each tap's trace to DIR (Chrome's JSON format: DevTools' Performance panel opens it)
  --json         print only the JSON line
  --help         this text`;

/** What the trace records: tasks with their thread time, input events, layout, paint, GC, user timing. */
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
];
const MARK = 'duizhao-tap-content';

interface TraceEvent {
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  ph: string;
  name: string;
  cat: string;
  args?: { name?: string; data?: { type?: string; stackTrace?: unknown }; beginData?: { dirtyObjects?: number } };
}

interface TapCpu {
  /** Main-thread CPU of the window's tasks, ms. */
  cpu: number;
  /** The window's wall-clock time, ms. */
  wall: number;
  /** CPU by what each task did (its input event's type, or the first trace event inside it), ms. */
  byTask: Record<string, number>;
  /** Thread time inside these trace events (nested events counted in each), ms. */
  byEvent: Record<string, number>;
  layouts: number;
}

async function traceOf(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}

const within = (outer: TraceEvent, e: TraceEvent) => e.ts >= outer.ts && e.ts < outer.ts + (outer.dur ?? 0);

/** The figures of one tap from its trace (see the header for the window). */
export function tapCpu(events: readonly TraceEvent[]): TapCpu {
  const down = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointerdown');
  const mark = events.find((e) => e.name === MARK && e.cat.includes('user_timing'));
  if (!down || !mark) throw new Error(`the trace has no ${down ? 'content mark' : 'pointerdown'}`);
  const main = events.filter((e) => e.pid === down.pid && e.tid === down.tid && e.ph === 'X');
  // Top-level tasks, outermost only (a task's own RunTask may nest inside the scheduler's).
  const tasks: TraceEvent[] = [];
  for (const e of main
    .filter((t) => t.cat.split(',').includes('toplevel'))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    const last = tasks.at(-1);
    if (!last || !within(last, e)) tasks.push(e);
  }
  const first = tasks.findIndex((t) => within(t, down));
  const markTs = mark.ts;
  const painted = tasks.findIndex(
    (t) => t.ts + (t.dur ?? 0) > markTs && main.some((e) => e.name === 'Paint' && within(t, e) && e.ts >= markTs),
  );
  if (first < 0 || painted < 0) throw new Error('the tap or its paint is not in the trace');
  const window = tasks.slice(first, painted + 1);
  const byTask: Record<string, number> = {};
  const byEvent: Record<string, number> = {};
  let layouts = 0;
  for (const task of window) {
    const inside = main.filter((e) => e !== task && within(task, e));
    const input = inside.find((e) => e.name === 'EventDispatch');
    const label = input
      ? `event ${inside
          .filter((e) => e.name === 'EventDispatch')
          .map((e) => e.args?.data?.type)
          .join('+')}`
      : (inside.find((e) => e.name !== 'RunTask' && !e.name.startsWith('ThreadController'))?.name ?? task.name);
    byTask[label] = (byTask[label] ?? 0) + (task.tdur ?? 0) / 1000;
    for (const e of inside) {
      if (e.name === 'Layout') layouts++;
      const name = e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type}` : e.name;
      byEvent[name] = (byEvent[name] ?? 0) + (e.tdur ?? 0) / 1000;
    }
  }
  const last = window.at(-1)!;
  return {
    cpu: window.reduce((n, t) => n + (t.tdur ?? 0), 0) / 1000,
    wall: (last.ts + (last.dur ?? 0) - window[0]!.ts) / 1000,
    byTask,
    byEvent,
    layouts,
  };
}

/** Taps word `index` on `page` while tracing; resolves with the tap's figures. */
async function tracedTap(
  page: Page,
  cdp: CDPSession,
  setup: Setup,
  index: number,
  saveAs: string | null,
): Promise<TapCpu> {
  await scrollAsReader(page, index);
  await page.waitForTimeout(READ_MS);
  await page.evaluate(
    ({ dialogSel, noteSel, mark }) => {
      const w = window as unknown as { __tapDone: Promise<void> };
      w.__tapDone = new Promise((resolve) => {
        const check = () => {
          const dialog = document.querySelector<HTMLElement>(dialogSel);
          if (!dialog || dialog.style.visibility === 'hidden') return;
          if (dialog.querySelector(noteSel)?.textContent?.includes('…')) return;
          observer.disconnect();
          performance.mark(mark);
          // Two frames later the paint of that content is in the trace.
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)));
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
      });
    },
    { dialogSel: DIALOG, noteSel: LOADING_NOTE, mark: MARK },
  );
  const word = page.locator(WORD).nth(index);
  const events = await traceOf(cdp, async () => {
    if (setup.device === 'phone') await word.tap();
    else await word.click();
    await page.evaluate(() => (window as unknown as { __tapDone: Promise<void> }).__tapDone);
  });
  await page.keyboard.press('Escape');
  await page.locator(DIALOG).waitFor({ state: 'detached' });
  if (setup.device !== 'phone') await page.mouse.move(0, 0);
  if (saveAs) await writeFile(saveAs, JSON.stringify({ traceEvents: events }));
  return tapCpu(events);
}

interface Side {
  name: string;
  page: Page;
  cdp: CDPSession;
  taps: TapCpu[];
}

async function openSide(setup: Setup, name: string, url: string): Promise<Side> {
  const { context, page } = await openSettledReader(setup, url);
  return { name, page, cdp: await context.newCDPSession(page), taps: [] };
}

const stat = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

/** The median of each label's CPU over the taps (a tap without it counts 0). */
function medianBy(taps: readonly TapCpu[], field: 'byTask' | 'byEvent'): Array<[string, number]> {
  const names = new Set(taps.flatMap((t) => Object.keys(t[field])));
  return [...names]
    .map((n): [string, number] => [n, stat(taps.map((t) => t[field][n] ?? 0)).median])
    .filter(([, v]) => v >= 0.05)
    .sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      server: { type: 'string' },
      base: { type: 'string' },
      doc: { type: 'string' },
      locale: { type: 'string', default: 'en' },
      words: { type: 'string', default: '12' },
      device: { type: 'string', default: 'phone' },
      detail: { type: 'boolean', default: false },
      save: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.server) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const device = values.device === 'desktop' ? 'desktop' : 'phone';
  const docId = values.doc ?? [...manifestDocs()].sort((a, b) => b.stats.characters - a.stats.characters)[0]?.meta.id;
  if (!docId) throw new Error('the build has no documents');
  const count = Math.max(1, Number(values.words));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const setup: Setup = { browser, device, base: values.server };
    const urlOf = (server: string) => `${server.replace(/\/$/, '')}/${values.locale}/read/${docId}`;
    const sides = [await openSide(setup, 'measured', urlOf(values.server))];
    if (values.base) sides.push(await openSide(setup, 'baseline', urlOf(values.base)));
    if (values.save) await mkdir(values.save, { recursive: true });
    const keys = await sides[0]!.page
      .locator(WORD)
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.k ?? el.textContent ?? ''));
    // The first tap of a page is its own case (bench:reader's "first tap"); these are later taps.
    const indices = [0, ...spreadWords(keys, count, new Set([keys[0]!]))];
    for (const [n, index] of indices.entries()) {
      // A then B, then B then A: neither build always runs just after the other's work.
      const order = n % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const saveAs = values.save ? path.join(values.save, `${side.name}-${n}.json`) : null;
        const tap = await tracedTap(side.page, side.cdp, setup, index, saveAs);
        if (n > 0) side.taps.push(tap);
        log(
          `${side.name} word ${n}/${count} (${keys[index]}): ${tap.cpu.toFixed(1)} ms CPU, ${tap.wall.toFixed(1)} ms wall${n === 0 ? ' (first tap, not counted)' : ''}`,
        );
      }
    }
    const [measured, baseline] = sides;
    const rows = [['per tap (phone: touch)', 'measured median', 'p95', 'baseline median', 'p95', 'ratio (median)']];
    const line = (label: string, f: (t: TapCpu) => number) => {
      const a = stat(measured!.taps.map(f));
      const b = baseline ? stat(baseline.taps.map(f)) : null;
      rows.push([
        label,
        a.median.toFixed(1),
        a.p95.toFixed(1),
        b ? b.median.toFixed(1) : '—',
        b ? b.p95.toFixed(1) : '—',
        b ? (a.median / b.median).toFixed(2) : '—',
      ]);
      return { measured: a, baseline: b };
    };
    const cpu = line('main-thread CPU, ms', (t) => t.cpu);
    const wall = line('window wall clock, ms', (t) => t.wall);
    const layouts = line('layouts', (t) => t.layouts);
    rows[0]![0] = `per tap (${device}${device === 'phone' ? ': touch' : ''})`;
    if (!values.json) {
      console.log(
        `tap CPU: ${urlOf(values.server)}${values.base ? ` against ${urlOf(values.base)}` : ''}, ${measured!.taps.length} words`,
      );
      console.log(
        `load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}\n`,
      );
      printTable(rows);
      if (values.detail) {
        for (const side of sides) {
          console.log(`\n${side.name}: CPU by task (median ms)`);
          printTable([['task', 'ms'], ...medianBy(side.taps, 'byTask').map(([k, v]) => [k, v.toFixed(2)])]);
          console.log(`${side.name}: thread time inside trace events (median ms, nested counted in each)`);
          printTable([
            ['event', 'ms'],
            ...medianBy(side.taps, 'byEvent')
              .slice(0, 25)
              .map(([k, v]) => [k, v.toFixed(2)]),
          ]);
        }
      }
    }
    console.log(
      JSON.stringify({
        bench: 'reader-cpu',
        device,
        doc: docId,
        words: measured!.taps.length,
        cpu,
        wall,
        layouts,
        loadavg: loadavg(),
      }),
    );
    await writeBenchResult({
      bench: 'reader-cpu',
      title: `Reader: main-thread CPU of a tap (${device}), document ${docId}`,
      figures: [
        figure(
          'tap CPU (median)',
          cpu.measured.median,
          'ms',
          'lower',
          cpu.baseline ? { name: 'baseline build', value: cpu.baseline.median } : undefined,
        ),
        figure(
          'tap CPU (p95)',
          cpu.measured.p95,
          'ms',
          'lower',
          cpu.baseline ? { name: 'baseline build', value: cpu.baseline.p95 } : undefined,
        ),
      ],
      context: {
        device,
        words: measured!.taps.length,
        loadavg: loadavg()
          .map((l) => l.toFixed(2))
          .join(' '),
      },
    });
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
