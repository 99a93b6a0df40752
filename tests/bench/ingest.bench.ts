/**
 * `npm run bench:ingest`: the real corpus (corpus/) ingested end to end by the entry the CLI uses
 * (`ingest` of lib/pipeline/run.ts), into a temporary folder (the repo's build/ is never touched),
 * next to OpenCC conversion alone on the same text, in the same process (the baseline).
 *
 * What is counted: the code points of every Chinese source as decoded (punctuation, whitespace and
 * Markdown markup included, a BOM not), the same text the baseline converts. The English sources'
 * code points and the Han characters are listed beside, for other rates.
 *
 *   - First run: cold, like the CLI (loads CC-CEDICT, jieba and the JIT warm up); the dictionary's
 *     load time is reported apart, as the fixed cost it is.
 *   - Then --runs warm rounds (the dictionary kept), median; each round also times OpenCC alone
 *     (median of --opencc-reps passes) and the stages one by one, so noise falls on both sides of
 *     each ratio alike.
 *   - Baseline: the converter the ingest uses for the corpus's traditional documents
 *     (`converterFor('traditional-HK')`, opencc-js hk → cn, chunked by `convertText`) over every
 *     Chinese source, simplified ones included: the ingest itself converts only traditional ones
 *     (identity for the rest), so this is OpenCC's cost per character, not the convert stage's.
 *   - Where the time goes: the ingest's own phases (from its progress callback), and its stages
 *     measured apart, in a second pass over the same inputs composed as run.ts composes them.
 * Prints a table and one JSON line; with BENCH_JSON set, writes its BenchResult there.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Aligner } from '../../lib/align/aligner';
import { loadCedict, type Dictionary } from '../../lib/dictionary/cedict';
import type { BuiltDoc } from '../../lib/model';
import { alignBlocks } from '../../lib/pipeline/align';
import { clean } from '../../lib/pipeline/clean';
import { convertBlocks, convertText, converterFor } from '../../lib/pipeline/convert';
import { decode } from '../../lib/pipeline/decode';
import { englishBlocks } from '../../lib/pipeline/english';
import { glossSentences } from '../../lib/pipeline/gloss';
import { glossFile } from '../../lib/pipeline/gloss-file';
import { buildGlossary, dictionaryLookup } from '../../lib/pipeline/glossary';
import { WordLinkCollector } from '../../lib/pipeline/word-links';
import { buildIndexBundle } from '../../lib/search/index';
import { pairRecords } from '../../lib/search/pair-records';
import type { DocumentInput } from '../../lib/pipeline/build-document';
import { readCorpus } from '../../lib/pipeline/read-corpus';
import { ingest } from '../../lib/pipeline/run';
import { jiebaCut, segmentBlock } from '../../lib/text/segment';
import { countHan } from '../../lib/text/text-width';
import { writeAlignDevCorpus } from './align-dev-corpus';
import { codePointLength } from '../../lib/base/unicode';
import { figure, writeBenchResult, type BenchResult } from './results';
import { median } from './stats';
import { printTable } from './table';

const ROOT = path.resolve(import.meta.dirname, '../..');

const DEFAULT_CHANGE = '2026-05-20-xi-putin-talks';

const USAGE = `npm run bench:ingest -- [options]

  --runs N         warm rounds after the cold run (default 5)
  --opencc-reps N  OpenCC passes over the text per round (default 10)
  --corpus DIR     the corpus (default: corpus/ of the repo)
  --align-dev      the corpus: ~1 M characters of text the pipeline was never tuned on (../shared/align-dev,
                   read in place and written as document folders into a temporary folder; see align-dev-corpus.ts)
  --cli-runs N     rounds of whole CLI runs: full with 1 and 2 workers, incremental, unchanged (default 3; 0 skips them)
  --change DOCID   the document changed for the incremental run (default: 2026-05-20-xi-putin-talks)
  --help           this text`;

/** The ingest's phases, in the order its progress callback announces them. */
const PHASES = [
  'read corpus',
  'documents: decode → align',
  'search index',
  'word alignment',
  'glossary, gloss file, write',
] as const;
type Phase = (typeof PHASES)[number];

/** The stages, measured apart: those of the document phase, then those of the two indexing phases. */
const STAGES = [
  'decode + clean (zh)',
  'convert',
  'segment',
  'gloss',
  'english: decode, clean, split',
  'align',
  'search index',
  'word alignment',
  'glossary',
  'gloss file',
] as const;
type Stage = (typeof STAGES)[number];

interface Texts {
  docs: number;
  /** Code points of the Chinese sources as decoded. */
  zhCodePoints: number;
  hanChars: number;
  enCodePoints: number;
  /** The decoded Chinese sources: what the baseline converts. */
  zh: string[];
}

function textsOf(inputs: readonly DocumentInput[]): Texts {
  const zh = inputs.map((input) => decode(input.source).text);
  const en = inputs.map((input) => (input.translation ? decode(input.translation).text : ''));
  const sum = (xs: string[], f: (s: string) => number) => xs.reduce((n, s) => n + f(s), 0);
  return {
    docs: inputs.length,
    zhCodePoints: sum(zh, codePointLength),
    hanChars: sum(zh, countHan),
    enCodePoints: sum(en, codePointLength),
    zh,
  };
}

interface IngestRun {
  docs: BuiltDoc[];
  ms: number;
  phases: Record<Phase, number>;
  /** Time inside `loadDictionary`, when the run loaded it. */
  dictionaryMs: number;
}

/** One ingest into `buildDir`, its phases timed from the progress callback. */
async function timedIngest(corpusDir: string, buildDir: string, loadDictionary: () => Dictionary): Promise<IngestRun> {
  let dictionaryMs = 0;
  const marks: number[] = [];
  const t0 = performance.now();
  const { docs } = await ingest({
    root: ROOT,
    corpusDir,
    buildDir,
    // These figures are those of a full build in one thread, as before the cache and the workers.
    cacheDir: false,
    workers: 1,
    keepDocs: true,
    loadDictionary: () => {
      const t = performance.now();
      const dict = loadDictionary();
      dictionaryMs = performance.now() - t;
      return dict;
    },
    onProgress: ({ done, stage }) => {
      // The documents' start (announced once), then the two indexing steps, each end the phase before.
      if ((stage === 'building' && done === 0) || stage === 'indexing') marks.push(performance.now());
    },
  });
  const end = performance.now();
  const bounds = [t0, ...marks, end];
  if (bounds.length !== PHASES.length + 1)
    throw new Error(`the ingest announced ${marks.length} phase starts, expected ${PHASES.length - 1}: update PHASES`);
  const phases = Object.fromEntries(PHASES.map((p, i) => [p, bounds[i + 1]! - bounds[i]!])) as Record<Phase, number>;
  return { docs, ms: end - t0, phases, dictionaryMs };
}

/** jieba's cut alone over every text (the slowest library the ingest cannot do without), `reps` passes; the median pass in ms. */
function timedJieba(texts: readonly string[], reps: number): number {
  jiebaCut('预热'); // its dictionary loads once per process, as in the ingest's cold run
  const passes: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (const text of texts) jiebaCut(text);
    passes.push(performance.now() - t0);
  }
  return median(passes);
}

/** OpenCC alone over every text, `reps` passes; the median pass in ms. */
function timedOpenCC(texts: readonly string[], reps: number): number {
  const convert = converterFor('traditional-HK');
  const passes: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (const text of texts) convertText(text, convert);
    passes.push(performance.now() - t0);
  }
  return median(passes);
}

/**
 * The ingest again, stage by stage: the documents composed as `buildDocument` composes them, then
 * the index, word links, glossary and gloss file over the documents an ingest built (`ingest` composes those).
 */
async function timedStages(
  inputs: readonly DocumentInput[],
  built: BuiltDoc[],
  dict: Dictionary,
): Promise<Record<Stage, number>> {
  const ms = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const timed = <T>(stage: Stage, f: () => T): T => {
    const t0 = performance.now();
    const value = f();
    ms[stage] += performance.now() - t0;
    return value;
  };
  for (const input of inputs) {
    const cleaned = timed('decode + clean (zh)', () => clean(decode(input.source)));
    const converted = timed('convert', () => convertBlocks(cleaned.blocks, input.meta.variant));
    const segmented = timed('segment', () => converted.map((b) => segmentBlock(b.original, b.simplified, dict)));
    const blocks = timed('gloss', () =>
      converted.map((b, i) => ({ ...b, sentences: glossSentences(segmented[i]!, dict) })),
    );
    const translation = input.translation;
    const en = translation
      ? timed('english: decode, clean, split', () =>
          englishBlocks(clean(decode(translation), { repairLayout: false }).blocks),
        )
      : [];
    timed('align', () => alignBlocks(new Aligner(dict), blocks, en));
  }
  const t0 = performance.now();
  await buildIndexBundle(built.flatMap(pairRecords));
  ms['search index'] = performance.now() - t0;
  const collector = new WordLinkCollector();
  for (const doc of built) collector.add(doc);
  const wordLinks = timed('word alignment', () => collector.finish(dict));
  const terms = timed('glossary', () =>
    buildGlossary(
      built,
      dictionaryLookup(() => dict),
      { wordLinks },
    ),
  );
  timed('gloss file', () => glossFile(built, terms, dict));
  return ms;
}

interface CliRuns {
  /** Median wall time (ms) of each kind of run, each a whole `duizhao ingest` process. */
  full1: number;
  full2: number;
  incremental: number;
  unchanged: number;
  changed: string;
  runs: number;
}

/**
 * The CLI as a user runs it, each run a process of its own (tsx start, dictionary loads and all),
 * into a copy of the corpus with its own build and cache: a full ingest (--full) with 1 and with 2
 * worker threads; an incremental one after one document changed (a paragraph appended, a new one
 * in each round); one where nothing changed. Medians of
 * `runs` rounds, the kinds interleaved within each round so that load falls on all alike.
 */
async function timedCli(
  corpusDir: string,
  tmp: string,
  runs: number,
  changed: string,
  log: (line: string) => void,
): Promise<CliRuns> {
  const corpus = path.join(tmp, 'cli-corpus');
  await cp(corpusDir, corpus, { recursive: true });
  const source = path.join(corpus, changed, 'source.txt');
  const original = await readFile(source);
  const tsx = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const cli = async (args: string[]): Promise<number> => {
    const t0 = performance.now();
    const argv = [
      '--import',
      tsx,
      path.join(ROOT, 'lib/cli.ts'),
      'ingest',
      '--corpus',
      corpus,
      '--build',
      path.join(tmp, 'cli-build'),
      '--cache',
      path.join(tmp, 'cli-cache'),
      ...args,
    ];
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, argv, { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.once('exit', (c) => resolve({ code: c, stderr: err }));
    });
    if (code !== 0) throw new Error(`duizhao ingest ${args.join(' ')} failed: ${stderr}`);
    return performance.now() - t0;
  };
  const kinds = {
    full1: [] as number[],
    full2: [] as number[],
    incremental: [] as number[],
    unchanged: [] as number[],
  };
  for (let r = 0; r < runs; r++) {
    log(`CLI round ${r + 1}/${runs}`);
    kinds.full1.push(await cli(['--full', '--workers', '1']));
    kinds.full2.push(await cli(['--full', '--workers', '2']));
    // A paragraph new in every round: the cache keeps a document's two newest entries, so
    // restoring an earlier text would be a cache hit, not a change.
    await writeFile(source, Buffer.concat([original, Buffer.from(`\n\n双方同意在第${r + 1}轮会谈中继续加强合作。\n`)]));
    kinds.incremental.push(await cli([]));
    kinds.unchanged.push(await cli([]));
  }
  await writeFile(source, original);
  return {
    full1: median(kinds.full1),
    full2: median(kinds.full2),
    incremental: median(kinds.incremental),
    unchanged: median(kinds.unchanged),
    changed,
    runs,
  };
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const perSecond = (count: number, ms: number) => (count * 1000) / ms;
const int = (x: number) => Math.round(x).toLocaleString('en');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'opencc-reps': { type: 'string', default: '10' },
      corpus: { type: 'string' },
      'align-dev': { type: 'boolean', default: false },
      'cli-runs': { type: 'string', default: '3' },
      change: { type: 'string', default: DEFAULT_CHANGE },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const runs = Math.max(1, Number(values.runs));
  const reps = Math.max(1, Number(values['opencc-reps']));
  if (values['align-dev'] && values.corpus) throw new Error('--align-dev and --corpus name two corpora: give one');
  const tmp = await mkdtemp(path.join(tmpdir(), 'duizhao-bench-ingest-'));
  const buildDir = path.join(tmp, 'build');
  try {
    const corpusDir = values['align-dev']
      ? path.join(tmp, 'align-dev-corpus')
      : path.resolve(values.corpus ?? path.join(ROOT, 'corpus'));
    if (values['align-dev']) await writeAlignDevCorpus(corpusDir);
    const loadBefore = loadavg();
    const inputs = await readCorpus(corpusDir);
    const texts = textsOf(inputs);
    const log = (line: string) => process.stderr.write(`${line}\n`);
    log(`ingest: ${texts.docs} documents, ${int(texts.zhCodePoints)} Chinese code points; cold run into ${buildDir}`);
    const cold = await timedIngest(corpusDir, buildDir, loadCedict);
    const dict = loadCedict(); // loaded by the cold run; the warm runs keep it

    const warm: IngestRun[] = [];
    const opencc: number[] = [];
    const jieba: number[] = [];
    const stages: Array<Record<Stage, number>> = [];
    for (let r = 0; r < runs; r++) {
      log(`round ${r + 1}/${runs}`);
      gc();
      opencc.push(timedOpenCC(texts.zh, reps));
      jieba.push(timedJieba(texts.zh, reps));
      gc();
      const run = await timedIngest(corpusDir, buildDir, () => dict);
      warm.push(run);
      gc();
      stages.push(await timedStages(inputs, run.docs, dict));
    }

    const cliRuns = Math.max(0, Number(values['cli-runs']));
    // The align-dev corpus has no document of the default's name: its first one changes.
    const change = values['align-dev'] && values.change === DEFAULT_CHANGE ? inputs[0]!.meta.id : values.change;
    const cliTimes = cliRuns > 0 ? await timedCli(corpusDir, tmp, cliRuns, change, log) : undefined;

    const ingestMs = median(warm.map((w) => w.ms));
    const openccMs = median(opencc);
    const phaseMs = Object.fromEntries(PHASES.map((p) => [p, median(warm.map((w) => w.phases[p]))])) as Record<
      Phase,
      number
    >;
    const stageMs = Object.fromEntries(STAGES.map((s) => [s, median(stages.map((x) => x[s]))])) as Record<
      Stage,
      number
    >;
    const ingestRate = perSecond(texts.zhCodePoints, ingestMs);
    const openccRate = perSecond(texts.zhCodePoints, openccMs);
    const jiebaMs = median(jieba);
    const jiebaRate = perSecond(texts.zhCodePoints, jiebaMs);
    const loadAfter = loadavg();

    console.log(`ingest benchmark: ${texts.docs} documents of ${corpusDir}`);
    console.log(
      `counted: ${int(texts.zhCodePoints)} code points of the Chinese sources as decoded (${int(texts.hanChars)} of them Han); the English sources hold ${int(texts.enCodePoints)} more`,
    );
    console.log(
      `load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after\n`,
    );
    printTable([
      ['', 'ms', 'zh chars/s', 'zh + en chars/s'],
      [
        `ingest end to end (median of ${runs} warm runs)`,
        ingestMs.toFixed(0),
        int(ingestRate),
        int(perSecond(texts.zhCodePoints + texts.enCodePoints, ingestMs)),
      ],
      [
        'ingest, first (cold) run, dictionary load included',
        cold.ms.toFixed(0),
        int(perSecond(texts.zhCodePoints, cold.ms)),
        int(perSecond(texts.zhCodePoints + texts.enCodePoints, cold.ms)),
      ],
      [`OpenCC hk → cn alone, same text (median of ${runs}×${reps} passes)`, openccMs.toFixed(1), int(openccRate), ''],
      [`jieba cut alone (HMM), same text (median of ${runs}×${reps} passes)`, jiebaMs.toFixed(1), int(jiebaRate), ''],
    ]);
    console.log(`ingest ÷ jieba: ${(ingestRate / jiebaRate).toFixed(4)}× the rate (target 0.05×, on the way to 0.2×)`);
    console.log(
      `ingest ÷ OpenCC: ${(ingestRate / openccRate).toFixed(4)}× the rate (OpenCC is ${(openccRate / ingestRate).toFixed(0)}× faster)`,
    );
    console.log(`fixed cost: CC-CEDICT loaded in ${cold.dictionaryMs.toFixed(0)} ms (in the cold run)\n`);
    console.log('where the time goes (medians of the warm runs, ms):');
    printTable([
      ['phase of the ingest', 'ms', 'share'],
      ...PHASES.map((p) => [p, phaseMs[p].toFixed(0), `${((100 * phaseMs[p]) / ingestMs).toFixed(0)}%`]),
    ]);
    const stageTotal = STAGES.reduce((n, s) => n + stageMs[s], 0);
    console.log('');
    printTable([
      ['stage, measured apart', 'ms', 'share'],
      ...STAGES.map((s) => [s, stageMs[s].toFixed(0), `${((100 * stageMs[s]) / stageTotal).toFixed(0)}%`]),
      ['sum (the ingest also computes stats, reads and writes)', stageTotal.toFixed(0), ''],
    ]);

    if (cliTimes) {
      const changedShare = inputs.find((i) => i.meta.id === cliTimes.changed);
      console.log(
        `\nthe CLI, each run a whole process (median of ${cliTimes.runs} rounds; ${cliTimes.changed}${changedShare ? `, ${int(textsOf([changedShare]).zhCodePoints)} of the code points,` : ''} changed for the incremental run):`,
      );
      printTable([
        ['duizhao ingest', 'ms', 'vs full, 1 worker'],
        ['--full --workers 1', cliTimes.full1.toFixed(0), '1.00×'],
        ['--full --workers 2', cliTimes.full2.toFixed(0), `${(cliTimes.full2 / cliTimes.full1).toFixed(2)}×`],
        [
          'one document changed (cache warm)',
          cliTimes.incremental.toFixed(0),
          `${(cliTimes.incremental / cliTimes.full1).toFixed(2)}×`,
        ],
        ['nothing changed', cliTimes.unchanged.toFixed(0), `${(cliTimes.unchanged / cliTimes.full1).toFixed(2)}×`],
      ]);
    }

    const result: BenchResult = {
      bench: 'ingest',
      title: 'Ingest: the real corpus end to end, against OpenCC conversion alone',
      figures: [
        figure(`ingest end to end, median of ${runs} warm runs`, ingestRate, 'zh chars/s', 'higher', {
          name: 'OpenCC hk → cn alone, same text',
          value: openccRate,
        }),
        figure(
          `ingest end to end against jieba, median of ${runs} warm runs`,
          ingestRate,
          'zh chars/s',
          'higher',
          { name: 'jieba cut alone (HMM), same text', value: jiebaRate },
          { target: 0.05 * jiebaRate },
        ),
        figure(
          'ingest, first run (cold: dictionary load, jieba, JIT)',
          perSecond(texts.zhCodePoints, cold.ms),
          'zh chars/s',
          'higher',
          {
            name: 'OpenCC hk → cn alone, same text',
            value: openccRate,
          },
        ),
        figure('CC-CEDICT load (fixed cost, in the cold run)', cold.dictionaryMs, 'ms', 'lower'),
        ...PHASES.map((p) => figure(`phase: ${p}`, phaseMs[p], 'ms', 'lower')),
        ...STAGES.map((s) => figure(`stage, measured apart: ${s}`, stageMs[s], 'ms', 'lower')),
        ...(cliTimes
          ? [
              figure('CLI full ingest (--full), 2 worker threads', cliTimes.full2, 'ms', 'lower', {
                name: 'CLI full ingest (--full), 1 thread',
                value: cliTimes.full1,
              }),
              figure(
                `CLI ingest, one document changed (${cliTimes.changed}), cache warm`,
                cliTimes.incremental,
                'ms',
                'lower',
                { name: 'CLI full ingest (--full), 1 thread', value: cliTimes.full1 },
              ),
              figure('CLI ingest, nothing changed', cliTimes.unchanged, 'ms', 'lower', {
                name: 'CLI full ingest (--full), 1 thread',
                value: cliTimes.full1,
              }),
            ]
          : []),
      ],
      context: {
        counted:
          'code points of the Chinese sources as decoded (BOM stripped; punctuation, whitespace, Markdown markup included)',
        documents: texts.docs,
        zhCodePoints: texts.zhCodePoints,
        hanChars: texts.hanChars,
        enCodePoints: texts.enCodePoints,
        runs,
        openccPassesPerRound: reps,
        ingestMs,
        coldIngestMs: cold.ms,
        openccMs,
        jiebaMs,
        loadavgBefore: loadBefore.map((l) => l.toFixed(2)).join(' '),
        loadavgAfter: loadAfter.map((l) => l.toFixed(2)).join(' '),
        ...(cliTimes ? { cliRounds: cliTimes.runs, cliChangedDocument: cliTimes.changed } : {}),
      },
    };
    console.log(JSON.stringify({ ...result, phasesMs: phaseMs, stagesMs: stageMs }));
    await writeBenchResult(result);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
