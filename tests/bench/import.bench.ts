/**
 * The import page's preview: how long a ~100 kB text (the CIIS report of corpus/: 89 kB of
 * Chinese Markdown, 127 kB of English) takes, in this process (the stages alone, as the import host
 * runs them) and through `POST /api/import/preview` on `next start` (the host process started by the
 * first request: fork, tsx, CC-CEDICT, then warm). Prints a table and a JSON line.
 *
 *   npm run bench:import [-- --port 3412 --rounds 3]
 * Needs `next build` (any build folder: DUIZHAO_BUILD or build/).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCedict } from '../../lib/dictionary/cedict';
import { preview } from '../../lib/import/preview';
import { hasProductionBuild, ROOT, startNextServer } from './next-server';
import { printTable } from './table';
import { benchArgs } from './usage';

const USAGE = `npm run bench:import [-- options]: the import preview of a ~100 kB text, in process and through
POST /api/import/preview on next start (needs next build). A table and a JSON line.

  --port P      the port next start serves on (default 3412)
  --rounds N    rounds of each (default 3)
  -h, --help    this text`;

const { values } = benchArgs(USAGE, {
  options: { port: { type: 'string', default: '3412' }, rounds: { type: 'string', default: '3' } },
});
const rounds = Number(values.rounds);
const DOC = path.join(ROOT, 'corpus', '2024-12-ciis-report-new-era');
const zh = new Uint8Array(await readFile(path.join(DOC, 'source.md')));
const en = new Uint8Array(await readFile(path.join(DOC, 'en.md')));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t0: number) => Math.round(performance.now() - t0);

let t0 = performance.now();
const dict = loadCedict();
const dictMs = ms(t0);
const inProcess: number[] = [];
let pairs = 0;
for (let i = 0; i < rounds; i++) {
  t0 = performance.now();
  const result = await preview({ zh: { bytes: zh, name: 'source.md' }, en: { bytes: en, name: 'en.md' } }, dict);
  inProcess.push(ms(t0));
  pairs = result.pairs.length;
}

const rows: string[][] = [
  ['what', 'ms'],
  ['CC-CEDICT load (once per host)', String(dictMs)],
  [`preview in process, median of ${rounds} (${pairs} pairs)`, String(median(inProcess))],
];
const result: Record<string, number> = {
  zhBytes: zh.length,
  enBytes: en.length,
  dictMs,
  inProcessMs: median(inProcess),
};

if (hasProductionBuild()) {
  const server = await startNextServer(Number(values.port), {
    env: { NODE_OPTIONS: '--import ./lib/security/peer-preload.mjs' },
  });
  try {
    const post = async () => {
      const form = new FormData();
      form.set('zh', new File([zh], 'source.md'));
      form.set('en', new File([en], 'en.md'));
      const start = performance.now();
      const response = await fetch(`${server.url}/api/import/preview`, { method: 'POST', body: form });
      if (!response.ok) throw new Error(`preview answered ${response.status}: ${await response.text()}`);
      const bytes = (await response.arrayBuffer()).byteLength;
      return { ms: ms(start), bytes };
    };
    const cold = await post();
    const warm: number[] = [];
    for (let i = 0; i < rounds; i++) warm.push((await post()).ms);
    rows.push(
      ['API, first request (starts the import host)', String(cold.ms)],
      [`API, warm, median of ${rounds}`, String(median(warm))],
      ['API answer size (bytes)', String(cold.bytes)],
    );
    Object.assign(result, { apiColdMs: cold.ms, apiWarmMs: median(warm), answerBytes: cold.bytes });
  } finally {
    await server.stop();
  }
} else rows.push(['API', 'skipped: no next build']);

printTable(rows);
console.log(JSON.stringify({ bench: 'import-preview', ...result }));
