/**
 * The import preview on 4 MB of each shape an upload can take (issue 22): list lines, headings,
 * short Markdown paragraphs, `<p>` HTML, one long paragraph, plain text lines, and as the same-run
 * baseline a realistic text (the Chinese sources of corpus/ repeated to 4 MB). Each shape runs in a
 * child process of its own, so its peak resident memory (the kernel's maxRSS) is its own; growth is
 * that peak less the resident memory after CC-CEDICT loaded. "after" calls `preview`
 * (lib/import/preview.ts), the function the preview API runs, without a server: the text cut to the
 * preview window. "before", the same-run baseline, runs the preview as it was before the window: the
 * whole side through the workload caps (a 422 for most shapes) and then every stage. Prints a table
 * and a JSON line.
 *
 *   npm run bench:import-shapes [-- --mb 4 --timeout 300 --shape list]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCedict } from '../../lib/dictionary/cedict';
import { buildDocument } from '../../lib/pipeline/build-document';
import { preview, resolveInput } from '../../lib/import/preview';
import { ImportError } from '../../lib/import/wire';
import { ROOT } from './next-server';
import { printTable } from './table';
import { benchArgs } from './usage';

const USAGE = `npm run bench:import-shapes [-- options]: the import preview on each shape an upload can take
(list lines, headings, Markdown, HTML, one long paragraph, plain lines) beside a realistic text, before
and after the preview window; each shape in its own process (time and peak memory).

  --mb N         megabytes of each shape (default 4)
  --timeout S    seconds a shape may take (default 300)
  --shape NAME   one shape only
  -h, --help     this text`;

const { values } = benchArgs(USAGE, {
  options: {
    mb: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '300' },
    shape: { type: 'string' },
    child: { type: 'boolean', default: false },
    before: { type: 'boolean', default: false },
  },
});
const BYTES = Math.round(Number(values.mb) * 1024 * 1024);

/** The realistic baseline: every Chinese source of corpus/, one after another. */
function corpusText(): { text: string; name: string } {
  const dir = path.join(ROOT, 'corpus');
  const texts = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const file = readdirSync(path.join(dir, d.name)).find((f) => /^source\.(md|txt)$/.test(f));
      return file ? [readFileSync(path.join(dir, d.name, file), 'utf8')] : [];
    });
  return { text: texts.join('\n\n'), name: 'corpus.md' };
}

/** `unit` repeated up to the byte budget. */
function fill(unit: string, head = '', tail = ''): string {
  const size = Buffer.byteLength(unit);
  const n = Math.floor((BYTES - Buffer.byteLength(head) - Buffer.byteLength(tail)) / size);
  return head + unit.repeat(n) + tail;
}

const SHAPES: Record<string, () => { text: string; name: string }> = {
  corpus: () => {
    const { text } = corpusText();
    return { text: fill(text + '\n\n'), name: 'corpus.md' };
  },
  list: () => ({ text: fill('- 中国。\n'), name: 'list.md' }),
  headings: () => ({ text: fill('# 中国\n'), name: 'headings.md' }),
  paragraphs: () => ({ text: fill('中国。\n\n'), name: 'paragraphs.md' }),
  html: () => ({ text: fill('<p>中国。</p>\n', '<html><body>\n', '</body></html>\n'), name: 'page.html' }),
  'long-paragraph': () => ({ text: fill('中国的发展离不开世界。'), name: 'long.txt' }),
  lines: () => ({ text: fill('中国。\n'), name: 'lines.txt' }),
  // Plain text whose lines do not wrap into one paragraph: each a block of its own.
  'text-paragraphs': () => ({ text: fill('中国。\n\n'), name: 'paragraphs.txt' }),
};

const BEFORE_META = {
  id: 'preview',
  title: { zh: '预览', en: 'Preview' },
  publication: { zh: '未注明', en: 'Not stated' },
  date: '2000-01-01',
};

async function child(shape: string): Promise<void> {
  const { text, name } = SHAPES[shape]!();
  const bytes = new TextEncoder().encode(text);
  const dict = loadCedict();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  let outcome: string;
  let blocks = 0;
  let answerBytes = 0;
  try {
    if (values.before) {
      // The baseline: the preview as it was before the window, i.e. the whole side through the
      // workload caps and every stage (what resolveInput does without a window, as the save does).
      const resolved = await resolveInput({ zh: { bytes, name } }, BEFORE_META);
      const doc = buildDocument(resolved.input, dict, resolved.zhCleaned);
      blocks = doc.zh.length;
      answerBytes = Buffer.byteLength(JSON.stringify(doc.pairs));
    } else {
      const result = await preview({ zh: { bytes, name } }, dict);
      blocks = result.zh.blocks.length;
      answerBytes = Buffer.byteLength(JSON.stringify(result));
    }
    outcome = '200';
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    outcome = String(e.status);
  }
  const ms = Math.round(performance.now() - t0);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      shape,
      version: values.before ? 'before' : 'after',
      bytes: bytes.length,
      outcome,
      blocks,
      ms,
      growthMb: Math.round((peakRss - Math.min(peakRss, rssBefore)) / 2 ** 20),
      peakMb: Math.round(peakRss / 2 ** 20),
      answerBytes,
    }),
  );
}

async function main(): Promise<void> {
  const shapes = values.shape ? [values.shape] : Object.keys(SHAPES);
  const self = fileURLToPath(import.meta.url);
  const load = loadavg().map((l) => l.toFixed(2));
  const rows: string[][] = [['shape', 'version', 'MB', 'answer', 'blocks', 's', 'peak RSS MB', 'growth MB']];
  const results: unknown[] = [];
  for (const [shape, version] of shapes.flatMap((s) => [[s, 'before'] as const, [s, 'after'] as const])) {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        self,
        '--child',
        '--shape',
        shape,
        '--mb',
        String(values.mb),
        ...(version === 'before' ? ['--before'] : []),
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: Number(values.timeout) * 1000,
        maxBuffer: 1 << 24,
      },
    );
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{')) {
      const why = run.error
        ? `timed out after ${values.timeout} s`
        : `exit ${run.status ?? run.signal}: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`;
      rows.push([shape, version, String(values.mb), why, '', '', '', '']);
      results.push({ shape, version, failed: why });
      continue;
    }
    const r = JSON.parse(line) as {
      bytes: number;
      outcome: string;
      blocks: number;
      ms: number;
      peakMb: number;
      growthMb: number;
    };
    rows.push([
      shape,
      version,
      (r.bytes / 2 ** 20).toFixed(2),
      r.outcome,
      String(r.blocks),
      (r.ms / 1000).toFixed(1),
      String(r.peakMb),
      String(r.growthMb),
    ]);
    results.push(r);
  }
  printTable(rows);
  const after = loadavg().map((l) => l.toFixed(2));
  console.log(
    `load average before ${load.join(' ')}, after ${after.join(' ')} (${execFileSync('nproc').toString().trim()} cores)`,
  );
  console.log(JSON.stringify({ bench: 'import-shapes', loadBefore: load, loadAfter: after, results }));
}

if (values.child) await child(values.shape!);
else await main();
