/**
 * The `duizhao` command. Contracts kept stable for tools: only the result on stdout, errors on
 * stderr with a non-zero exit; progress goes to stderr.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { BuiltDoc, TextFormat } from './model';
import { clean } from './pipeline/clean';
import { decode } from './pipeline/decode';
import { exportTsv } from './export/tsv';

const HELP = `duizhao — build and query the Duizhao bilingual corpus

Usage: npm run duizhao -- <command> [options]
       (add --silent after "npm run" to keep npm's own lines off stdout)

Commands:
  ingest                       Build the corpus in corpus/ into build/: decode, clean, convert,
                               segment, gloss, align and index every document. Written to a new
                               folder and swapped in atomically; on error the previous build stays.
      --corpus DIR             corpus folder (default: corpus)
      --build DIR              build link to publish (default: build)
  clean FILE                   Print the cleaned blocks of one raw text file, one block per line,
                               in the file's own script. Markdown when FILE ends in .md.
      --encoding ENC           encoding of FILE (default: utf-8; also gb18030, big5, utf-16le)
      --format text|markdown   override the format guessed from the file name
  align --zh A --en B [--sentences]
                               Align a Chinese and an English text. With --sentences, A and B hold
                               one sentence per line: prints one bead per line, [zh ids]:[en ids]
                               (0-based line numbers, [] for an empty side). Without it, A and B are
                               raw texts: they are cleaned and split into sentences, and the pairs
                               are printed as JSON with their confidences.
  export --format tsv [DOCID]  Print every aligned pair of the built corpus (or of one document):
                               docId<TAB>Chinese (simplified)<TAB>English; an empty column for an
                               unaligned side.
  help, --help, -h             Show this help.

Examples:
  npm run duizhao -- ingest
  npm run --silent duizhao -- clean corpus/2026-05-20-xi-putin-talks/source.txt
  npm run --silent duizhao -- export --format tsv 2026-05-20-xi-putin-talks > pairs.tsv
`;

class UsageError extends Error {}

async function runIngest(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { corpus: { type: 'string' }, build: { type: 'string' } }, strict: true });
  // Loaded here, not at the top: `clean` and `export` need neither jieba nor the dictionary.
  const [{ ingest }, { ingestReport }, { loadCedict }] = await Promise.all([
    import('./pipeline/run'),
    import('./pipeline/report'),
    import('./dictionary/cedict'),
  ]);
  const root = process.cwd();
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {doc}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  let started = false;
  const t0 = performance.now();
  const result = await ingest({
    root,
    corpusDir: values.corpus ? path.resolve(values.corpus) : undefined,
    buildDir: values.build ? path.resolve(values.build) : undefined,
    loadDictionary: loadCedict,
    onProgress: ({ doc, done, total }) => {
      if (bar) {
        if (!started) bar.start(total, 0, { doc });
        started = true;
        bar.update(done, { doc });
      } else process.stderr.write(`ingest ${done}/${total} ${doc}\n`);
    },
  });
  if (bar) {
    bar.update(result.docs.length, { doc: 'done' });
    bar.stop();
  }
  process.stderr.write(ingestReport(result.docs, path.relative(root, result.buildDir), performance.now() - t0));
}

async function runClean(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { encoding: { type: 'string' }, format: { type: 'string' } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('clean takes exactly one FILE');
  const format = (values.format ?? (/\.(md|markdown)$/i.test(file) ? 'markdown' : 'text')) as TextFormat;
  if (format !== 'text' && format !== 'markdown') throw new UsageError('--format must be text or markdown');
  const bytes = new Uint8Array(await readFile(file));
  const cleaned = clean(decode({ path: file, bytes, encoding: values.encoding ?? 'utf-8', format }));
  process.stdout.write(cleaned.blocks.map((b) => `${b.text}\n`).join(''));
  for (const w of cleaned.warnings) process.stderr.write(`warning: ${w}\n`);
}

async function loadBuiltDocs(buildDir: string): Promise<BuiltDoc[]> {
  const docsDir = path.join(buildDir, 'docs');
  const names = await readdir(docsDir).catch(() => {
    throw new Error(`no build at ${buildDir}: run "npm run duizhao -- ingest" first`);
  });
  const docs: BuiltDoc[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) docs.push(JSON.parse(await readFile(path.join(docsDir, name), 'utf8')) as BuiltDoc);
  return docs;
}

async function runExport(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string' }, build: { type: 'string' } }, allowPositionals: true, strict: true });
  if (values.format !== 'tsv') throw new UsageError('export needs --format tsv');
  if (positionals.length > 1) throw new UsageError('export takes at most one DOCID');
  const docs = await loadBuiltDocs(path.resolve(values.build ?? 'build'));
  const only = positionals[0];
  const chosen = only ? docs.filter((d) => d.meta.id === only) : docs;
  if (only && chosen.length === 0) throw new Error(`no document "${only}" in the build (known: ${docs.map((d) => d.meta.id).join(', ')})`);
  process.stdout.write(exportTsv(chosen));
}

/** A UTF-8 file, decoded strictly; `lines` keeps every line (one sentence each), even empty ones. */
async function readText(file: string): Promise<string> {
  return decode({ path: file, bytes: new Uint8Array(await readFile(file)), encoding: 'utf-8', format: 'text' }).text;
}

function sentenceLines(text: string): string[] {
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

async function runAlign(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { zh: { type: 'string' }, en: { type: 'string' }, sentences: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (!values.zh || !values.en || positionals.length > 0) throw new UsageError('align needs --zh FILE and --en FILE');
  const [{ Aligner }, { loadCedict }, { formatBead }, { splitSentences }, { splitEnglishSentences }] = await Promise.all([
    import('./align/aligner'),
    import('./dictionary/cedict'),
    import('./align/score'),
    import('./pipeline/segment'),
    import('./pipeline/english'),
  ]);
  const aligner = new Aligner(loadCedict());
  const [zhText, enText] = await Promise.all([readText(values.zh), readText(values.en)]);
  if (values.sentences) {
    const beads = aligner.align(sentenceLines(zhText), sentenceLines(enText));
    process.stdout.write(beads.map((b) => `${formatBead(b)}\n`).join(''));
    return;
  }
  const zhSentences = clean({ path: values.zh, text: zhText, format: 'text' }).blocks.flatMap((b) => splitSentences(b.text));
  const enSentences = clean({ path: values.en, text: enText, format: 'text' }, { repairLayout: false }).blocks.flatMap((b) => splitEnglishSentences(b.text));
  const pairs = aligner.align(zhSentences, enSentences).map((b) => ({
    zh: b.zh.map((i) => zhSentences[i]),
    en: b.en.map((j) => enSentences[j]),
    zhIds: b.zh,
    enIds: b.en,
    confidence: b.confidence,
  }));
  process.stdout.write(`${JSON.stringify(pairs, null, 2)}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'ingest':
        await runIngest(rest);
        return 0;
      case 'clean':
        await runClean(rest);
        return 0;
      case 'export':
        await runExport(rest);
        return 0;
      case 'align':
        await runAlign(rest);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(HELP);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`duizhao: ${(e as Error).message}\n${usage ? 'Run "npm run duizhao -- --help" for usage.\n' : ''}`);
    return usage ? 2 : 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
