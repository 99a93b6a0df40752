/**
 * `npm run bench:align`: aligns the development set in ../shared/align-dev (six literary chapters
 * with human gold alignments; research data, read in place and never copied into the repo) and
 * prints strict and lax precision, recall and F1, time and sentences per second, next to a plain
 * Gale–Church baseline run in the same process, then one JSON line.
 *   --by-type   F1 by gold bead type
 *   --ablate    the score with each signal switched off
 *   --fit       a coarse grid over the bead-cost weights (prints the best; copy it to lib/align/weights.ts)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Aligner } from '../../lib/align/aligner';
import { galeChurch } from '../../lib/align/gale-church';
import { type Alignment, parseBeads, scoreAlignments, type Scores } from '../../lib/align/score';
import { DEFAULT_WEIGHTS, type AlignWeights } from '../../lib/align/weights';
import { loadCedict } from '../../lib/dictionary/cedict';
import { figure, writeBenchResult } from './results';
import { printTable } from './table';

const DEV = path.resolve(import.meta.dirname, '../../../shared/align-dev/mac-dev-2021');

interface Chapter {
  id: string;
  zh: string[];
  en: string[];
  gold: Alignment;
}

function lines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
}

export function loadDevSet(dir = DEV): Chapter[] {
  if (!existsSync(dir)) throw new Error(`no development set at ${dir}`);
  return readdirSync(path.join(dir, 'zh'))
    .sort()
    .map((id) => ({ id, zh: lines(path.join(dir, 'zh', id)), en: lines(path.join(dir, 'en', id)), gold: parseBeads(readFileSync(path.join(dir, 'gold', `${id}.align`), 'utf8')) }));
}

function run(chapters: Chapter[], align: (zh: string[], en: string[]) => Alignment): { scores: Scores; seconds: number; tests: Alignment[] } {
  const t0 = performance.now();
  const tests = chapters.map((c) => align(c.zh, c.en));
  const seconds = (performance.now() - t0) / 1000;
  return { scores: scoreAlignments(chapters.map((c, i) => ({ gold: c.gold, test: tests[i]! }))), seconds, tests };
}

const shapeOf = (b: { zh: number[]; en: number[] }) => `${b.zh.length}-${b.en.length}`;

/** F1 per gold bead type: recall over gold beads of the type, precision over test beads of the type. */
function byType(chapters: Chapter[], tests: Alignment[]): Array<[string, number, number, number]> {
  const types = new Map<string, { gold: number; test: number; hitGold: number; hitTest: number }>();
  chapters.forEach((c, i) => {
    const goldKeys = new Set(c.gold.map((b) => `${b.zh}:${b.en}`));
    const testKeys = new Set(tests[i]!.map((b) => `${b.zh}:${b.en}`));
    for (const b of c.gold) {
      const t = types.get(shapeOf(b)) ?? types.set(shapeOf(b), { gold: 0, test: 0, hitGold: 0, hitTest: 0 }).get(shapeOf(b))!;
      t.gold++;
      if (testKeys.has(`${b.zh}:${b.en}`)) t.hitGold++;
    }
    for (const b of tests[i]!) {
      const t = types.get(shapeOf(b)) ?? types.set(shapeOf(b), { gold: 0, test: 0, hitGold: 0, hitTest: 0 }).get(shapeOf(b))!;
      t.test++;
      if (goldKeys.has(`${b.zh}:${b.en}`)) t.hitTest++;
    }
  });
  return [...types]
    .sort((a, b) => b[1].gold - a[1].gold)
    .map(([type, t]) => {
      const p = t.test ? t.hitTest / t.test : 0;
      const r = t.gold ? t.hitGold / t.gold : 0;
      return [type, t.gold, t.test, p + r ? (2 * p * r) / (p + r) : 0];
    });
}

const f = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const chapters = loadDevSet();
  const sentences = chapters.reduce((n, c) => n + c.zh.length, 0);
  const t0 = performance.now();
  const dict = loadCedict();
  const dictSeconds = (performance.now() - t0) / 1000;
  const baseline = run(chapters, galeChurch);
  // Warm the segmenter and pinyin caches on another text, so the timing below is the aligner's.
  new Aligner(dict).align(['中俄两国元首举行会谈。'], ['The two heads of state held talks.']);
  const ours = run(chapters, (zh, en) => new Aligner(dict).align(zh, en));

  const rows = [
    ['aligner', 'strict P', 'strict R', 'strict F1', 'lax P', 'lax R', 'lax F1', 'seconds', 'zh sent/s'],
    ['Gale–Church (baseline)', ...[baseline.scores.strict, baseline.scores.lax].flatMap((s) => [f(s.precision), f(s.recall), f(s.f1)]), baseline.seconds.toFixed(2), String(Math.round(sentences / baseline.seconds))],
    ['Duizhao', ...[ours.scores.strict, ours.scores.lax].flatMap((s) => [f(s.precision), f(s.recall), f(s.f1)]), ours.seconds.toFixed(2), String(Math.round(sentences / ours.seconds))],
  ];
  printTable(rows);
  console.log(`${chapters.length} chapters, ${sentences} Chinese sentences; dictionary loaded in ${dictSeconds.toFixed(2)} s; strict F1 ratio to baseline ${(ours.scores.strict.f1 / baseline.scores.strict.f1).toFixed(2)}×`);

  if (args.has('--by-type')) {
    console.log('\nby gold bead type: type  gold  test  F1');
    for (const [type, gold, test, f1] of byType(chapters, ours.tests)) console.log(`  ${type.padEnd(4)} ${String(gold).padStart(5)} ${String(test).padStart(5)}  ${f(f1)}`);
  }
  if (args.has('--fit')) {
    const grid = { similarity: [3, 4, 6], length: [0.15, 0.3, 0.5], shape: [1, 1.5, 2], skip: [4.5, 6, 8] };
    let best = { f1: 0, weights: DEFAULT_WEIGHTS };
    for (const similarity of grid.similarity)
      for (const length of grid.length)
        for (const shape of grid.shape)
          for (const skip of grid.skip) {
            const weights = { ...DEFAULT_WEIGHTS, similarity, length, shape, skip };
            const r = run(chapters, (zh, en) => new Aligner(dict, { weights }).align(zh, en));
            if (r.scores.strict.f1 > best.f1) best = { f1: r.scores.strict.f1, weights };
          }
    console.log(`\nbest of the grid: strict F1 ${f(best.f1)} with ${JSON.stringify(best.weights)}`);
  }
  const ablation: Record<string, number> = {};
  if (args.has('--ablate')) {
    console.log('\nablation (strict F1 with one signal off):');
    const off: Array<[string, Partial<AlignWeights>]> = [
      ['lexical (CC-CEDICT)', { similarity: 0 }],
      ['length', { length: 0 }],
      ['clause counts', { clauses: 0 }],
      ['numbers', { numbers: 0 }],
      ['quotation state', { quotes: 0 }],
      ['speech ends', { speechEnds: 0 }],
      ['question marks', { questions: 0 }],
    ];
    for (const [name, weights] of off) {
      const r = run(chapters, (zh, en) => new Aligner(dict, { weights }).align(zh, en));
      ablation[name] = r.scores.strict.f1;
      console.log(`  without ${name.padEnd(22)} ${f(r.scores.strict.f1)} (${f(r.scores.strict.f1 - ours.scores.strict.f1)})`);
    }
  }
  console.log(
    JSON.stringify({
      bench: 'align',
      sentences,
      dictionarySeconds: dictSeconds,
      baseline: { ...baseline.scores, seconds: baseline.seconds },
      duizhao: { ...ours.scores, seconds: ours.seconds, sentencesPerSecond: sentences / ours.seconds },
      weights: DEFAULT_WEIGHTS,
      ...(args.has('--ablate') ? { ablation } : {}),
    }),
  );
  const gc = 'Gale–Church, same run';
  await writeBenchResult({
    bench: 'align',
    title: 'Alignment: the development set (six literary chapters), against Gale–Church',
    figures: [
      figure('strict F1', ours.scores.strict.f1, 'score', 'higher', { name: gc, value: baseline.scores.strict.f1 }),
      figure('lax F1', ours.scores.lax.f1, 'score', 'higher', { name: gc, value: baseline.scores.lax.f1 }),
      figure('strict precision', ours.scores.strict.precision, 'score', 'higher', { name: gc, value: baseline.scores.strict.precision }),
      figure('strict recall', ours.scores.strict.recall, 'score', 'higher', { name: gc, value: baseline.scores.strict.recall }),
      figure('speed', sentences / ours.seconds, 'zh sentences/s', 'higher', { name: gc, value: sentences / baseline.seconds }),
      figure('CC-CEDICT load (fixed cost)', dictSeconds * 1000, 'ms', 'lower'),
    ],
    context: { chapters: chapters.length, sentences, loadavg: loadavg().map((l) => l.toFixed(2)).join(' ') },
  });
}

// Run when executed, not when another script imports loadDevSet.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
