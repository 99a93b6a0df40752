/**
 * `npm run bench:clean`: exact-block precision, recall and F1 of the cleaner on page layouts it
 * has never seen (tests/bench/layouts.ts: newspaper columns, PDF pages, indented CRLF text), built
 * from text outside the corpus, per layout, on two text sources and two generator seeds side by
 * side; and tables set with spaces (columns of cells), found cell for cell, per set over all three
 * layouts (the "tables" lines), kickers and bylines found as such (the "kicker+byline" lines), sidebars
 * read after their article (the "sidebars" lines) and pull quotes kept, those repeating the body
 * dropped (the "pull quotes" lines). The baseline is the cleaner as it stood before the layout work (git commit BASELINE_COMMIT,
 * checked out into a cache folder and run in the same process on the same documents).
 *   --count N   documents per layout and set (default 15)
 *   --seed S    first generator seed (default 1): other seeds give other layouts to check against
 *   --show L    print the first mismatching blocks of layout L (for development)
 *   --baseline C  another commit's cleaner as the baseline (a change's before and after in one run)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CleanDoc, DecodedText } from '../../lib/model';
import { clean } from '../../lib/pipeline/clean';
import { decode } from '../../lib/pipeline/decode';
import { generateLayouts, LAYOUTS, type Layout, type LayoutDoc, loadSentences } from './layouts';
import { figure, writeBenchResult, type Figure } from './results';
import { printTable } from './table';
import { runBench } from './usage';

/** The last commit before the cleaner learned the layouts: its clean() is the baseline. */
const BASELINE_COMMIT = 'c5f268f';
const ROOT = path.resolve(import.meta.dirname, '../..');
const TARGET = 0.98;

type Cleaner = (doc: DecodedText) => CleanDoc;

async function baselineCleaner(commit: string): Promise<Cleaner> {
  if (!/^[0-9a-f]{7,40}$/u.test(commit))
    throw new Error(`--baseline takes a commit hash, not ${JSON.stringify(commit)}`);
  // Inside node_modules so that the old code resolves the same packages (remark, rehype) as the new.
  const dir = path.join(ROOT, 'node_modules', '.cache', `duizhao-clean-${commit}`);
  if (!existsSync(path.join(dir, 'lib', 'pipeline', 'clean.ts'))) {
    mkdirSync(dir, { recursive: true });
    // The whole lib/ of that commit: later cleaners import shared basics from lib/text and lib/base.
    const tar = execFileSync('git', ['archive', commit, 'lib'], {
      cwd: ROOT,
      maxBuffer: 1 << 28,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  const mod = (await import(pathToFileURL(path.join(dir, 'lib', 'pipeline', 'clean.ts')).href)) as { clean: Cleaner };
  return mod.clean;
}

/** Blocks compare by their text without whitespace: the bench scores where blocks begin and end. */
const key = (text: string) => text.replace(/[\s\u3000]+/gu, '');

export interface BlockScore {
  correct: number;
  test: number;
  gold: number;
}

/** Adds a score's counts into a running total. */
function addCounts(into: BlockScore, from: BlockScore): void {
  into.correct += from.correct;
  into.test += from.test;
  into.gold += from.gold;
}

/** Exact-block matches: a test block counts when a gold block has the same text (each gold block once). */
export function scoreBlocks(gold: string[], test: string[]): BlockScore {
  const pool = new Map<string, number>();
  for (const g of gold) pool.set(key(g), (pool.get(key(g)) ?? 0) + 1);
  let correct = 0;
  for (const t of test) {
    const n = pool.get(key(t)) ?? 0;
    if (n > 0) {
      correct++;
      pool.set(key(t), n - 1);
    }
  }
  return { correct, test: test.length, gold: gold.length };
}

const prf = (s: BlockScore) => {
  const p = s.test === 0 ? 0 : s.correct / s.test;
  const r = s.gold === 0 ? 0 : s.correct / s.gold;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

function cleanRaw(cleaner: Cleaner, doc: LayoutDoc, i: number): string[] {
  return cleanBlocks(cleaner, doc, i).map((b) => b.text);
}

function cleanBlocks(cleaner: Cleaner, doc: LayoutDoc, i: number): CleanDoc['blocks'] {
  const decoded = decode({
    path: `${doc.layout}-${i}.txt`,
    bytes: new TextEncoder().encode(doc.text),
    encoding: 'utf-8',
    format: 'text',
  });
  return cleaner(decoded).blocks;
}

/** A table's cells, whitespace gone, as one comparable string: a table counts only when every cell is right. */
const tableKey = (rows: readonly string[][]) => JSON.stringify(rows.map((r) => r.map(key)));

/** A kicker or byline, found as one: its kind and its text. */
function scoreParts(cleaner: Cleaner, docs: LayoutDoc[]): BlockScore {
  const total: BlockScore = { correct: 0, test: 0, gold: 0 };
  docs.forEach((doc, i) => {
    const gold = doc.gold
      .filter((g) => g.kind === 'kicker' || g.kind === 'byline')
      .map((g) => `${g.kind}:${key(g.text)}`);
    const test = cleanBlocks(cleaner, doc, i).flatMap((b) =>
      b.kind === 'byline' ? [`byline:${key(b.text)}`] : b.role === 'kicker' ? [`kicker:${key(b.text)}`] : [],
    );
    const s = scoreBlocks(gold, test);
    addCounts(total, s);
  });
  return total;
}

/**
 * Sidebars read after their article: each block of a box found as a sidebar block with its text,
 * and counted only where no paragraph of the article follows it.
 */
function scoreSidebars(cleaner: Cleaner, docs: LayoutDoc[]): BlockScore {
  const total: BlockScore = { correct: 0, test: 0, gold: 0 };
  docs.forEach((doc, i) => {
    const gold = doc.gold.filter((g) => g.kind === 'sidebar').map((g) => key(g.text));
    const blocks = cleanBlocks(cleaner, doc, i);
    const lastParagraph = blocks.findLastIndex((b) => b.kind === 'paragraph');
    const test = blocks.flatMap((b, k) =>
      (b.kind as string) === 'sidebar' ? [k > lastParagraph ? key(b.text) : '✗'] : [],
    );
    addCounts(total, scoreBlocks(gold, test));
  });
  return total;
}

/** Pull quotes kept as such (the ones repeating the body are not in the gold: kept, they count against). */
function scorePullQuotes(cleaner: Cleaner, docs: LayoutDoc[]): BlockScore {
  const total: BlockScore = { correct: 0, test: 0, gold: 0 };
  docs.forEach((doc, i) => {
    const gold = doc.gold.filter((g) => g.kind === 'pullquote').map((g) => key(g.text));
    const test = cleanBlocks(cleaner, doc, i).flatMap((b) => ((b.kind as string) === 'pullquote' ? [key(b.text)] : []));
    addCounts(total, scoreBlocks(gold, test));
  });
  return total;
}

/** Exact-table matches over all layouts: the cleaner's tables against the generator's, cell for cell. */
function scoreTables(cleaner: Cleaner, docs: LayoutDoc[]): BlockScore {
  const total: BlockScore = { correct: 0, test: 0, gold: 0 };
  docs.forEach((doc, i) => {
    const gold = doc.gold.filter((g) => g.rows).map((g) => tableKey(g.rows!));
    const test = cleanBlocks(cleaner, doc, i)
      .filter((b) => b.kind === 'table' && b.rows)
      .map((b) => tableKey(b.rows!));
    const s = scoreBlocks(gold, test);
    addCounts(total, s);
  });
  return total;
}

function score(cleaner: Cleaner, docs: LayoutDoc[]): Map<Layout, BlockScore> {
  const totals = new Map<Layout, BlockScore>(LAYOUTS.map((l) => [l, { correct: 0, test: 0, gold: 0 }]));
  docs.forEach((doc, i) => {
    const s = scoreBlocks(
      doc.gold.map((g) => g.text),
      cleanRaw(cleaner, doc, i),
    );
    const t = totals.get(doc.layout)!;
    addCounts(t, s);
  });
  return totals;
}

function showMismatches(docs: LayoutDoc[], layout: string): void {
  let shown = 0;
  docs.forEach((doc, i) => {
    if (doc.layout !== layout || shown >= 6) return;
    const test = cleanRaw(clean, doc, i);
    const gold = new Set(doc.gold.map((g) => key(g.text)));
    const wrong = test.filter((t) => !gold.has(key(t)));
    if (wrong.length === 0) return;
    shown++;
    console.log(`--- ${layout} #${i}\n${doc.text.slice(0, 3000)}\n  wrong blocks:`);
    for (const w of wrong.slice(0, 5)) console.log(`  ✗ ${w.slice(0, 120)}`);
  });
}

/** A "tables" or "kicker+byline" line of a set: over all three layouts, against the generator's. */
function tableRow(what: string, name: string, docs: number, now: BlockScore, base: BlockScore): string[] {
  const pn = prf(now);
  const pb = prf(base);
  const fmt = (x: number) => x.toFixed(3);
  return [
    what,
    name,
    String(docs),
    String(now.gold),
    fmt(pn.p),
    fmt(pn.r),
    fmt(pn.f1),
    fmt(pb.p),
    fmt(pb.r),
    fmt(pb.f1),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '15' },
      seed: { type: 'string', default: '1' },
      show: { type: 'string' },
      baseline: { type: 'string', default: BASELINE_COMMIT },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const count = Number(values.count);
  const first = Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(first))
    throw new Error('--count and --seed take whole numbers');
  const mac = loadSentences('mac');
  const bible = loadSentences('bible');
  const sets = [
    { name: `mac seed ${first}`, sentences: mac, seed: first },
    { name: `mac seed ${first + 1}`, sentences: mac, seed: first + 1 },
    { name: `bible seed ${first + 2}`, sentences: bible, seed: first + 2 },
    { name: `bible seed ${first + 3}`, sentences: bible, seed: first + 3 },
    { name: `fixtures seed ${first + 4}`, sentences: loadSentences('fixtures'), seed: first + 4 },
  ];
  const baselineCommit = values.baseline;
  const baseline = await baselineCleaner(baselineCommit);
  const rows: string[][] = [['layout', 'set', 'docs', 'blocks', 'P', 'R', 'F1', 'baseline P', 'R', 'F1']];
  const pooled = new Map<Layout, { now: BlockScore; base: BlockScore }>();
  const tables = { now: { correct: 0, test: 0, gold: 0 }, base: { correct: 0, test: 0, gold: 0 } };
  const tableRows: string[][] = [];
  const parts = { now: { correct: 0, test: 0, gold: 0 }, base: { correct: 0, test: 0, gold: 0 } };
  const partRows: string[][] = [];
  const sidebars = { now: { correct: 0, test: 0, gold: 0 }, base: { correct: 0, test: 0, gold: 0 } };
  const sidebarRows: string[][] = [];
  const quotes = { now: { correct: 0, test: 0, gold: 0 }, base: { correct: 0, test: 0, gold: 0 } };
  const quoteRows: string[][] = [];
  const fmt = (x: number) => x.toFixed(3);
  for (const set of sets) {
    const docs = generateLayouts(set.sentences, set.seed, count);
    if (values.show) showMismatches(docs, values.show);
    const now = score(clean, docs);
    const base = score(baseline, docs);
    const tn = scoreTables(clean, docs);
    const tb = scoreTables(baseline, docs);
    addCounts(tables.now, tn);
    addCounts(tables.base, tb);
    tableRows.push(tableRow('tables', set.name, count * LAYOUTS.length, tn, tb));
    const pn = scoreParts(clean, docs);
    const pb = scoreParts(baseline, docs);
    addCounts(parts.now, pn);
    addCounts(parts.base, pb);
    partRows.push(tableRow('kicker+byline', set.name, count * LAYOUTS.length, pn, pb));
    for (const [what, scorer, acc, out] of [
      ['sidebars', scoreSidebars, sidebars, sidebarRows],
      ['pull quotes', scorePullQuotes, quotes, quoteRows],
    ] as const) {
      const sn = scorer(clean, docs);
      const sb = scorer(baseline, docs);
      addCounts(acc.now, sn);
      addCounts(acc.base, sb);
      out.push(tableRow(what, set.name, count * LAYOUTS.length, sn, sb));
    }
    for (const layout of LAYOUTS) {
      const n = now.get(layout)!;
      const b = base.get(layout)!;
      const pn = prf(n);
      const pb = prf(b);
      rows.push([
        layout,
        set.name,
        String(count),
        String(n.gold),
        fmt(pn.p),
        fmt(pn.r),
        fmt(pn.f1),
        fmt(pb.p),
        fmt(pb.r),
        fmt(pb.f1),
      ]);
      const acc = pooled.get(layout) ?? {
        now: { correct: 0, test: 0, gold: 0 },
        base: { correct: 0, test: 0, gold: 0 },
      };
      addCounts(acc.now, n);
      addCounts(acc.base, b);
      pooled.set(layout, acc);
    }
  }
  const allDocs = count * LAYOUTS.length * sets.length;
  rows.push(...tableRows, tableRow('tables', 'all sets', allDocs, tables.now, tables.base));
  rows.push(...partRows, tableRow('kicker+byline', 'all sets', allDocs, parts.now, parts.base));
  rows.push(...sidebarRows, tableRow('sidebars', 'all sets', allDocs, sidebars.now, sidebars.base));
  rows.push(...quoteRows, tableRow('pull quotes', 'all sets', allDocs, quotes.now, quotes.base));
  const figures: Figure[] = [];
  for (const layout of LAYOUTS) {
    const acc = pooled.get(layout)!;
    const pn = prf(acc.now);
    const pb = prf(acc.base);
    rows.push([
      layout,
      'all sets',
      String(count * sets.length),
      String(acc.now.gold),
      fmt(pn.p),
      fmt(pn.r),
      fmt(pn.f1),
      fmt(pb.p),
      fmt(pb.r),
      fmt(pb.f1),
    ]);
    figures.push(
      figure(
        `exact-block F1, ${layout}`,
        pn.f1,
        'F1',
        'higher',
        { name: `cleaner at ${baselineCommit}`, value: pb.f1 },
        { target: TARGET },
      ),
    );
  }
  const tn = prf(tables.now);
  figures.push(
    figure(
      'exact-table F1 (every cell), all layouts',
      tn.f1,
      'F1',
      'higher',
      { name: `cleaner at ${baselineCommit}`, value: prf(tables.base).f1 },
      { target: TARGET },
    ),
  );
  figures.push(
    figure(
      'kickers and bylines found as such (F1), all layouts',
      prf(parts.now).f1,
      'F1',
      'higher',
      { name: `cleaner at ${baselineCommit}`, value: prf(parts.base).f1 },
      { target: TARGET },
    ),
  );
  for (const [name, acc] of [
    ['sidebars read after their article (F1), all layouts', sidebars],
    ['pull quotes kept as such, repeats dropped (F1), all layouts', quotes],
  ] as const)
    figures.push(
      figure(
        name,
        prf(acc.now).f1,
        'F1',
        'higher',
        { name: `cleaner at ${baselineCommit}`, value: prf(acc.base).f1 },
        { target: TARGET },
      ),
    );
  console.log(
    `clean: exact-block P/R/F1 on generated layouts (target F1 ≥ ${TARGET} on every layout); baseline = cleaner at ${baselineCommit}`,
  );
  printTable(rows);
  const result = {
    bench: 'clean',
    title: 'Cleaning unseen page layouts (exact-block F1)',
    figures,
    context: { sets: sets.map((s) => s.name).join(', '), docsPerLayoutAndSet: count },
  };
  console.log(JSON.stringify(result));
  await writeBenchResult(result);
}

const USAGE = `npm run bench:clean [-- options]: the cleaner's exact-block P/R/F1 on unseen page layouts, tables,
kickers, sidebars and pull quotes, beside the cleaner at ${BASELINE_COMMIT}, in the same run.

  --count N      documents per layout and set (default 15)
  --seed S       first generator seed (default 1)
  --show L       print the first mismatching blocks of layout L
  --baseline C   another commit's cleaner as the baseline
  -h, --help     this text`;

void runBench(USAGE, main);
