/**
 * `npm run bench:soft-splits`: the soft sentence boundaries (lib/align/soft-splits.ts: a "；" list
 * cut apart only where the English is) against the aligner on the sentences as split, in the same
 * run, on both development sets in ../shared/align-dev (read in place): MAC-Dev strict and lax F1
 * (pooled over its six chapters; 12 of its Chinese lines end a "；" clause) and the Bible's first N
 * English sentences (verse-merged strict F1; `--english N`, default 5,000). Prints a table and one
 * JSON line.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Aligner } from '../../lib/align/aligner';
import { scoreAlignments, scoreVerseMerged } from '../../lib/align/score';
import { alignSoftly, softUnits } from '../../lib/align/soft-splits';
import { loadCedict } from '../../lib/dictionary/cedict';
import { loadBible, loadDevSet } from './align.bench';
import { figure, writeBenchResult, type BenchResult } from './results';
import { printTable } from './table';

const USAGE = `npm run bench:soft-splits -- [--english N]

  --english N  the Bible's first N English sentences (default 5000)
  --help       this text`;

function main(): Promise<void> | void {
  const { values } = parseArgs({
    options: { english: { type: 'string', default: '5000' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return console.log(USAGE);
  const english = Number(values.english);
  if (!Number.isInteger(english) || english < 1)
    throw new Error(`--english must be a positive integer, not ${values.english}\n\n${USAGE}`);
  const aligner = new Aligner(loadCedict());
  const chapters = loadDevSet();
  const mac = (soft: boolean) =>
    scoreAlignments(
      chapters.map((c) => ({
        gold: c.gold,
        test: soft ? alignSoftly(aligner, c.zh, c.en) : aligner.align(c.zh, c.en),
      })),
    );
  const macPlain = mac(false);
  const macSoft = mac(true);
  const bible = loadBible(english);
  const bibleScore = (soft: boolean) =>
    scoreVerseMerged(
      bible.gold,
      soft ? alignSoftly(aligner, bible.zh, bible.en) : aligner.align(bible.zh, bible.en),
      bible.zhVerses,
      bible.enVerses,
    );
  const biblePlain = bibleScore(false);
  const bibleSoft = bibleScore(true);
  const softBoundaries = (zh: string[]) => zh.length - softUnits(zh).length;
  const result: BenchResult = {
    bench: 'soft-splits',
    title: 'Soft sentence boundaries ("；" lists) against the sentences as split',
    figures: [
      figure('MAC-Dev strict F1', macSoft.strict.f1, '', 'higher', { name: 'as split', value: macPlain.strict.f1 }),
      figure('MAC-Dev lax F1', macSoft.lax.f1, '', 'higher', { name: 'as split', value: macPlain.lax.f1 }),
      figure(`Bible first ${bible.en.length} English, verse-merged strict F1`, bibleSoft.f1, '', 'higher', {
        name: 'as split',
        value: biblePlain.f1,
      }),
    ],
    context: {
      'MAC-Dev soft boundaries': chapters.reduce((n, c) => n + softBoundaries(c.zh), 0),
      'Bible soft boundaries': softBoundaries(bible.zh),
      'load average (1 min) at the end': Number(loadavg()[0]!.toFixed(2)),
    },
  };
  printTable([
    ['', 'soft boundaries', 'as split', 'ratio'],
    ...result.figures.map((f) => [
      f.name,
      f.value.toFixed(3),
      (f.baseline?.value ?? Number.NaN).toFixed(3),
      (f.ratio ?? Number.NaN).toFixed(3),
    ]),
  ]);
  console.log(JSON.stringify(result));
  return writeBenchResult(result);
}

Promise.resolve()
  .then(main)
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
