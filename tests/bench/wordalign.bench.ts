/**
 * `npm run bench:wordalign`: alignment error rate, precision and recall of the word aligner on the
 * two development golds (the corpus's sentence beads and MAC-Dev's literary chapters, side by side),
 * next to two baselines run in the same process on the same pairs: the dictionary's links alone
 * (every pair of words CC-CEDICT, a name's pinyin, a number or a mark says may correspond) and the
 * diagonal (each English token linked to the Chinese token at the same relative position). Then
 * one JSON line.
 *
 * The aligner sees what the CLI `align-words` sees: the gold pairs themselves plus the corpus's
 * sentence beads (built in memory from corpus/, as ingest builds them). A second row adds every
 * sentence bead of MAC-Dev as further unlabelled training text, another leaves out the dictionary's
 * phrases (phrases.ts: the aligner before them), a third trains the two directions
 * by agreement, another leaves the translation table unsmoothed (the aligner before smoothing), a fourth and fifth stop at the diagonal model (the aligner before the HMM; apart and
 * by agreement), a sixth switches the priors off, a seventh combines the directions by
 * grow-diag-final-and. The model's settings were chosen on the
 * corpus gold only; MAC-Dev is the set they were not tuned on.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { loadCedict } from '../../lib/dictionary/cedict';
import { segmentWords } from '../../lib/text/segment';
import { buildDocument } from '../../lib/pipeline/build-document';
import { readCorpus } from '../../lib/pipeline/read-corpus';
import {
  addAer,
  aerScores,
  alignWords,
  documentBeads,
  englishKey,
  englishTokens,
  isBlank,
  type Link,
  NO_COUNTS,
  Priors,
  type TokenPair,
} from '../../lib/wordalign/index';
import { DEFAULT_HMM_OPTIONS } from '../../lib/wordalign/hmm';
import { PRIOR } from '../../lib/wordalign/prior';
import { joinedGold } from './wordalign-joined';
import { figure, writeBenchResult } from './results';
import { printTable } from './table';
import { ERROR_CLASSES, errorCounts, type ErrorCounts } from './wordalign-errors';
import { type GoldPair, loadCorpusGold, loadMacGold, macBeads } from './wordalign-gold';
import { runBench } from './usage';

const TARGET_AER = 20;

function score(gold: readonly GoldPair[], tests: readonly (readonly Link[])[]) {
  let counts = NO_COUNTS;
  gold.forEach((g, k) => {
    counts = addAer(counts, tests[k]!, g.sure, g.possible);
  });
  return aerScores(counts);
}

/** Baseline: every pair the priors know, at sense strength or above. */
function dictionaryLinks(pairs: readonly TokenPair[], priors: Priors): Link[][] {
  return pairs.map(({ zh, en }) => {
    const links: Link[] = [];
    zh.forEach((w, i) =>
      en.forEach((t, j) => priors.strength(w, englishKey(t)) >= PRIOR.laterSense && links.push([i, j])),
    );
    return links;
  });
}

/** Baseline: each English token to the Chinese token at the same relative position. */
function diagonalLinks(pairs: readonly TokenPair[]): Link[][] {
  return pairs.map(({ zh, en }) =>
    en.map((_, j) => [Math.min(zh.length - 1, Math.floor(((j + 0.5) * zh.length) / en.length)), j] as const),
  );
}

/** With --errors: the word aligner's missed sure links and wrong links by class, per set (wordalign-errors.ts). */
const showErrors = process.argv.includes('--errors');

function printErrors(errors: Record<string, ErrorCounts>): void {
  const share = (n: number, of: number) => `${n} (${((100 * n) / Math.max(1, of)).toFixed(1)}%)`;
  const rows = [['set', 'class', 'missed sure links (% of sure)', 'wrong links (% of proposed)']];
  for (const [name, e] of Object.entries(errors)) {
    for (const c of ERROR_CLASSES) rows.push([name, c, share(e.missed[c], e.sure), share(e.wrong[c], e.proposed)]);
  }
  console.log('\nwhere the word aligner fails:\n');
  printTable(rows);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const dict = loadCedict();
  const docs = (await readCorpus(path.resolve(import.meta.dirname, '../../corpus'))).map((input) =>
    buildDocument(input, dict),
  );
  const corpus = docs.flatMap((d) => documentBeads(d).map((b) => b.tokens));
  const mac = macBeads().map(({ zh, en }) => ({
    zh: segmentWords(zh, dict).filter((w) => !isBlank(w)),
    en: englishTokens(en).map((t) => t.text),
  }));
  const prepSeconds = (performance.now() - t0) / 1000;
  const corpusGold = loadCorpusGold();
  const macGold = loadMacGold(dict);
  const longOver = DEFAULT_HMM_OPTIONS.maxTokens;
  const sets = [
    { name: 'corpus', gold: corpusGold, joined: false },
    { name: 'MAC-Dev', gold: macGold, joined: false },
    { name: 'corpus joined', gold: joinedGold(corpusGold, longOver), joined: true },
    { name: 'MAC-Dev joined', gold: joinedGold(macGold, longOver), joined: true },
  ];
  const priors = new Priors(dict);
  const rows: string[][] = [['set', 'pairs', 'system', 'AER', 'precision', 'recall', 'seconds']];
  const results: Record<string, Record<string, ReturnType<typeof score> & { seconds: number }>> = {};
  const errors: Record<string, ErrorCounts> = {};
  for (const { name, gold, joined } of sets) {
    const longRows: Array<[string, () => Link[][]]> = [
      ['word aligner (gold pairs + corpus)', () => alignWords(gold, dict, { training: corpus })],
      [
        '  no clause pieces (diagonal model over the limit)',
        () => alignWords(gold, dict, { training: corpus, clausePieces: false }),
      ],
      ['  without dictionary phrases', () => alignWords(gold, dict, { training: corpus, sensePhrases: false })],
      ['  gold pairs alone (align-words with no build)', () => alignWords(gold, dict)],
      [
        '  HMM over whole pairs (no limit)',
        () => alignWords(gold, dict, { training: corpus, hmm: { maxTokens: 1e9 } }),
      ],
      ['baseline: dictionary links', () => dictionaryLinks(gold, priors)],
      ['baseline: diagonal', () => diagonalLinks(gold)],
    ];
    const systems: Array<[string, () => Link[][]]> = joined
      ? longRows
      : [
          ['word aligner (gold pairs + corpus)', () => alignWords(gold, dict, { training: corpus })],
          ['  + all MAC-Dev beads as training', () => alignWords(gold, dict, { training: [...corpus, ...mac] })],
          ['  without dictionary phrases', () => alignWords(gold, dict, { training: corpus, sensePhrases: false })],
          ['  gold pairs alone (align-words with no build)', () => alignWords(gold, dict)],
          ['  trained by agreement', () => alignWords(gold, dict, { training: corpus, agreement: true })],
          [
            '  without smoothing the table',
            () => alignWords(gold, dict, { training: corpus, model: { smoothing: 0 } }),
          ],
          ['  diagonal model alone, no HMM', () => alignWords(gold, dict, { training: corpus, hmm: false })],
          [
            '  diagonal model alone, by agreement',
            () => alignWords(gold, dict, { training: corpus, hmm: false, agreement: true }),
          ],
          ['  without priors', () => alignWords(gold, null, { training: corpus })],
          [
            '  grow-diag-final-and instead of posteriors',
            () => alignWords(gold, dict, { training: corpus, combine: { kind: 'gdfa' } }),
          ],
          ['baseline: dictionary links', () => dictionaryLinks(gold, priors)],
          ['baseline: diagonal', () => diagonalLinks(gold)],
        ];
    results[name] = {};
    for (const [system, run] of systems) {
      const s0 = performance.now();
      const tests = run();
      const seconds = (performance.now() - s0) / 1000;
      const r = { ...score(gold, tests), seconds };
      if (showErrors && system === 'word aligner (gold pairs + corpus)')
        errors[name] = errorCounts(gold, tests, priors);
      results[name]![system.trim()] = r;
      rows.push([
        name,
        String(gold.length),
        system,
        r.aer.toFixed(1),
        r.precision.toFixed(1),
        r.recall.toFixed(1),
        seconds.toFixed(2),
      ]);
    }
  }
  console.log(
    `word alignment on ${sets.map((s) => `${s.gold.length} ${s.name}`).join(' and ')} gold pairs; training text: ${corpus.length} corpus beads (${mac.length} MAC-Dev beads in the second row); prepared in ${prepSeconds.toFixed(1)} s; load ${loadavg()[0]!.toFixed(2)}\n`,
  );
  printTable(rows);
  if (showErrors) printErrors(errors);
  const ours = 'word aligner (gold pairs + corpus)';
  const figures = sets.flatMap(({ name }) => {
    const r = results[name]!;
    return [
      figure(
        `AER, ${name}`,
        r[ours]!.aer,
        '%',
        'lower',
        { name: 'dictionary links', value: r['baseline: dictionary links']!.aer },
        { target: TARGET_AER },
      ),
      figure(
        `AER vs diagonal, ${name}`,
        r[ours]!.aer,
        '%',
        'lower',
        { name: 'diagonal', value: r['baseline: diagonal']!.aer },
        { target: TARGET_AER },
      ),
      figure(`precision, ${name}`, r[ours]!.precision, '%', 'higher', {
        name: 'dictionary links',
        value: r['baseline: dictionary links']!.precision,
      }),
      figure(`recall, ${name}`, r[ours]!.recall, '%', 'higher', {
        name: 'dictionary links',
        value: r['baseline: dictionary links']!.recall,
      }),
    ];
  });
  console.log(`\n${JSON.stringify({ bench: 'wordalign', target: TARGET_AER, results })}`);
  await writeBenchResult({
    bench: 'wordalign',
    title: 'Word alignment (AER on the development golds)',
    figures,
    context: { load: loadavg()[0]!.toFixed(2), corpusBeads: corpus.length },
  });
}

const USAGE = `npm run bench:wordalign [-- --errors]: the word aligner's AER, precision and recall on the corpus
gold and MAC-Dev, beside the dictionary-links and diagonal baselines, in the same run.

  --errors     also the missed and wrong links by class, per set
  -h, --help   this text`;

void runBench(USAGE, main);
