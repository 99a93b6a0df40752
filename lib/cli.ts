/**
 * The `duizhao` command. Contracts kept stable for tools: only the result on stdout, errors on
 * stderr with a non-zero exit; progress goes to stderr.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { BuiltDoc, TextFormat } from './model';
import type { DocReport } from './pipeline/report';
import { clean } from './pipeline/clean';
import { describeRepair } from './pipeline/report';
import { decode } from './pipeline/decode';
import { HTML_MAX_BYTES } from './pipeline/html';
import { readRegularFile } from './pipeline/regular-file';

/** What `clean` reads of one file: the cap the pipeline puts on an HTML (and a Markdown) document. */
const CLEAN_MAX_BYTES = HTML_MAX_BYTES;

const HELP = `duizhao — build and query the Duizhao bilingual corpus

Usage: npm run duizhao -- <command> [options]
       (add --silent after "npm run" to keep npm's own lines off stdout)

Commands:
  ingest                       Build the corpus in corpus/ into build/: decode, clean, convert,
                               segment, gloss, align and index every document. Written to a new
                               folder and swapped in atomically; on error the previous build stays.
                               One ingest at a time per build: a second one (another terminal, a
                               save from the import page) waits for the first; a lock left by a
                               crashed run (its process gone) is taken over.
                               Incremental: a document whose input (meta.json, source, translation)
                               and pipeline (code, dictionary and library versions) are unchanged
                               is read back from the cache instead of rebuilt; the search index is
                               always redone, the glossary and gloss file when any document changed.
                               Same bytes either way.
      --corpus DIR             corpus folder (default: corpus)
      --build DIR              build link to publish (default: build)
      --cache DIR              per-document cache (default: .cache/ingest)
      --full                   rebuild every document, ignoring the cache (it is refreshed)
      --workers N              threads building documents (default: one per MB of sources to
                               build, at most the cores and the documents; 1 builds in the main
                               thread: below that a thread's dictionary load costs more than it saves)
      --database URL           then publish the build to PostgreSQL too (default: DATABASE_URL
                               when set; see publish)
  publish [--build DIR] [--database URL]
                               Publish a build folder to PostgreSQL (URL default: DATABASE_URL):
                               its files and its search index (FlexSearch's postgres adapter),
                               written in full, then made current in one transaction; the app
                               started with DATABASE_URL serves it. Prints the build version.
                               Tables in the schema DUIZHAO_PG_SCHEMA (default: duizhao).
  add SOURCE [--translation FILE] [options]
                               Add a document of your own to the corpus, then ingest. SOURCE is
                               .txt, .md, .html/.htm, .docx, or a translation memory (.tmx,
                               .xlf/.xliff: its units become the pairs, as given). Reports on
                               stderr the encoding chardet guessed (with its confidence; refused
                               below 50% or if the strict decoder disagrees: say --encoding) and
                               the script variant opencc-js found (shares of traditional-only and
                               simplified-only characters; Hong Kong forms such as 裏 着 啓 make it
                               traditional-HK, otherwise traditional-TW). Writes corpus/<id>/ with
                               the source byte for byte, the translation and meta.json, atomically;
                               if the ingest then fails, the folder is taken out again.
      --translation FILE       the English translation: .txt, .md, .html or .docx, in UTF-8
      --title T, --title-en T  the title in Chinese and in English (default: the file name)
      --publication P          where it was published (default: not stated)
      --translator NAME        who translated it (default: not named; the reader says so)
      --date YYYY-MM-DD        publication date (default: today)
      --id ID                  document id (default: the date and a slug of --title-en or the
                               file name, e.g. 2026-05-20-xi-putin-talks)
      --encoding ENC           skip detection: utf-8, gb18030, big5, utf-16le, utf-16be
      --variant V              skip detection: simplified, traditional-HK, traditional-TW
      --format F               text, markdown, html, docx, tmx, xliff (default: from the extension)
      --force                  replace a document of the same id
      --corpus DIR, --build DIR  as for ingest
  clean FILE                   Print the cleaned blocks of one raw text file, one block per line,
                               in the file's own script. Markdown when FILE ends in .md, HTML when
                               it ends in .html or .htm. Text, Markdown and HTML only (a DOCX goes
                               through add), an ordinary file of at most 8 MiB.
      --encoding ENC           encoding of FILE (default: utf-8; also gb18030, big5, utf-16le)
      --format text|markdown|html  override the format guessed from the file name
  align --zh A --en B [--sentences]
                               Align a Chinese and an English text. With --sentences, A and B hold
                               one sentence per line: prints one bead per line, [zh ids]:[en ids]
                               (0-based line numbers, [] for an empty side). Without it, A and B are
                               raw texts: they are cleaned and split into sentences, and the pairs
                               are printed as JSON with their confidences. At most 8 MiB a side
                               (a longer book aligns chapter by chapter, or through ingest).
  align-words --zh Z --en E [--pretokenized]
                               Align the words of sentence pairs: Z and E hold one sentence per
                               line, the same number of lines. Prints one line per pair: links
                               i-j (0-based Chinese token i, English token j; Pharaoh format).
                               Learns from the input and, when a build exists, the corpus's
                               sentence pairs, with CC-CEDICT, names' pinyin and numbers as priors.
                               Exit 2 on unequal line counts or unreadable input.
      --pretokenized           tokens are the space-separated items of each line, kept as given;
                               otherwise Chinese is cut by the segmenter (jieba + CC-CEDICT) and
                               English into words and marks ("China's" → China 's)
      --print-tokens           print "zh tokens ||| en tokens ||| links" instead, to see what i and j index
      --build DIR              the build whose corpus it also learns from (default: build)
      --no-corpus              learn from the input alone
  export --format tmx|tsv|tbx|csv [DOCID]
                               Print an export of the built corpus:
                                 tmx  the aligned sentences as a TMX 1.4b translation memory
                                      (zh-CN simplified, en-GB; a traditional original is kept as
                                      a zh-HK or zh-TW variant); unaligned sentences are left out
                                 tsv  every aligned pair, docId<TAB>Chinese (simplified)<TAB>English;
                                      an empty column for an unaligned side
                                 tbx  the glossary as a TBX-Basic termbase (ISO 30042:2019)
                                 csv  the glossary as CSV (RFC 4180, UTF-8 with a BOM for Excel)
                               tmx and tsv cover every document, or the one given as DOCID; the
                               glossary is corpus-wide, so tbx and csv take no DOCID.
      --build DIR              build folder to read (default: build)
      --database URL           read the build published to PostgreSQL instead (default:
                               DATABASE_URL when set and no --build is given)
  search QUERY [--json] [--all] [--doc DOCID]
                               Search the built corpus the way the app does. QUERY holds Chinese
                               (simplified or traditional), pinyin (hezuo, hé zuò, he2 zuo4) or
                               English; every term must match; "a quoted phrase" is exact. Prints
                               each hit, the match in [brackets], and the count and how each term was
                               read on stderr; with --json, one JSON document on stdout:
                               {"total": n, "hits": [{"docId", "pair", "zh", "en", ...}]}.
                               Exit 2 for a query it refuses, 1 for an unknown document.
      --all                    every hit (default: the first 20)
      --doc DOCID              only the pairs of this document
      --build DIR              build folder to read (default: build)
      --database URL           read the build published to PostgreSQL instead (default:
                               DATABASE_URL when set and no --build is given)
  help, --help, -h             Show this help.

Examples:
  npm run duizhao -- ingest
  npm run duizhao -- add ~/texts/report.docx --translation ~/texts/report-en.md --title-en "A report" --date 2026-05-20
  npm run --silent duizhao -- clean corpus/2026-05-20-xi-putin-talks/source.txt
  npm run --silent duizhao -- export --format tsv 2026-05-20-xi-putin-talks > pairs.tsv
  npm run --silent duizhao -- export --format tmx > duizhao-corpus.tmx
  npm run --silent duizhao -- export --format tbx > duizhao-glossary.tbx
  npm run --silent duizhao -- search hezuo '"strategic partnership"' --json --all
`;

class UsageError extends Error {}

/** Publishes a build folder to PostgreSQL (lib/store/pg-store.ts) and closes the pool so the command exits. */
async function publishTo(url: string, buildDir: string): Promise<string> {
  const [{ publishBuildFolder }, { disconnectAll }] = await Promise.all([import('./store/pg-store'), import('./db/pg')]);
  try {
    const t0 = performance.now();
    const published = await publishBuildFolder(url, buildDir, { schema: process.env.DUIZHAO_PG_SCHEMA || undefined });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const pruned = published.pruned.length > 0 ? `; removed ${published.pruned.join(', ')}` : '';
    process.stderr.write(`publish: build ${published.version} ${published.written ? 'written and' : 'already there,'} made current in PostgreSQL in ${seconds} s${pruned}\n`);
    return published.version;
  } finally {
    disconnectAll();
  }
}

/** --database, else DATABASE_URL, else none. */
function databaseUrl(flag: string | undefined): string | undefined {
  return flag ?? (process.env.DATABASE_URL || undefined);
}

async function runPublish(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { build: { type: 'string' }, database: { type: 'string' } }, strict: true });
  const url = databaseUrl(values.database);
  if (url === undefined) throw new UsageError('publish needs --database URL or DATABASE_URL');
  const dir = path.resolve(values.build ?? 'build');
  process.stdout.write(`${await publishTo(url, dir)}\n`);
}

async function runIngest(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { corpus: { type: 'string' }, build: { type: 'string' }, cache: { type: 'string' }, full: { type: 'boolean' }, workers: { type: 'string' }, database: { type: 'string' } },
    strict: true,
  });
  const workers = values.workers === undefined ? 'auto' : Number(values.workers);
  if (workers !== 'auto' && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) throw new UsageError('--workers takes a whole number from 1 to 64');
  // Loaded here, not at the top: `clean` and `export` need neither jieba nor the dictionary.
  const [{ ingest }, { docReport, ingestReport }, { loadCedict }] = await Promise.all([
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
  const reports: DocReport[] = [];
  const result = await ingest({
    root,
    corpusDir: values.corpus ? path.resolve(values.corpus) : undefined,
    buildDir: values.build ? path.resolve(values.build) : undefined,
    loadDictionary: loadCedict,
    cacheDir: values.cache ? path.resolve(values.cache) : undefined,
    full: values.full ?? false,
    workers,
    onDocument: (doc) => reports.push(docReport(doc)),
    // Another ingest of this build (a second terminal, a save from the import page) is waited for.
    lock: { waitMs: Infinity, onWait: (message) => process.stderr.write(`${message}\n`), what: 'duizhao ingest' },
    onProgress: ({ doc, done, total }) => {
      if (bar) {
        if (!started) bar.start(total, 0, { doc });
        started = true;
        bar.update(done, { doc });
      } else process.stderr.write(`ingest ${done}/${total} ${doc}\n`);
    },
  });
  if (bar) {
    bar.update(result.documents, { doc: 'done' });
    bar.stop();
  }
  process.stderr.write(ingestReport(reports, path.relative(root, result.buildDir), performance.now() - t0));
  const threads = result.workers > 1 ? ` in ${result.workers} worker threads` : '';
  process.stderr.write(`${result.documents} documents: ${result.built.length} built${threads}, ${result.cached.length} unchanged (cache)\n`);
  const totalMs = performance.now() - t0;
  process.stderr.write(`word alignment: ${(result.wordAlignMs / 1000).toFixed(1)} s of the ingest's ${(totalMs / 1000).toFixed(1)} s (${((100 * result.wordAlignMs) / totalMs).toFixed(0)}%)\n`);
  // The build folder is written and published first; the database gets the same build after it.
  const url = databaseUrl(values.database);
  if (url !== undefined) await publishTo(url, result.buildDir);
}

/** `add SOURCE`: a new corpus folder (lib/add), then the very ingest the `ingest` command runs. */
async function runAdd(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      translation: { type: 'string' },
      title: { type: 'string' },
      'title-en': { type: 'string' },
      publication: { type: 'string' },
      translator: { type: 'string' },
      date: { type: 'string' },
      id: { type: 'string' },
      encoding: { type: 'string' },
      variant: { type: 'string' },
      format: { type: 'string' },
      force: { type: 'boolean' },
      corpus: { type: 'string' },
      build: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const source = positionals[0];
  if (!source || positionals.length > 1) throw new UsageError('add takes exactly one SOURCE file');
  const { addDocument } = await import('./add/add');
  const corpusDir = path.resolve(values.corpus ?? 'corpus');
  const added = await addDocument({
    corpusDir,
    source,
    translation: values.translation,
    title: values.title,
    titleEn: values['title-en'],
    publication: values.publication,
    translator: values.translator,
    date: values.date,
    id: values.id,
    encoding: values.encoding,
    variant: values.variant,
    format: values.format,
    force: values.force,
  });
  for (const line of added.report) process.stderr.write(`${line}\n`);
  process.stderr.write(`added ${path.relative(process.cwd(), added.dir)}; ingesting\n`);
  try {
    await runIngest(['--corpus', corpusDir, ...(values.build ? ['--build', values.build] : [])]);
  } catch (e) {
    await added.rollback();
    throw new Error(`the ingest failed, so ${added.id} was not added (the corpus is as it was): ${(e as Error).message}`);
  }
  await added.commit();
}

async function runClean(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { encoding: { type: 'string' }, format: { type: 'string' } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('clean takes exactly one FILE');
  const format = (values.format ?? (/\.(md|markdown)$/i.test(file) ? 'markdown' : /\.html?$/i.test(file) ? 'html' : 'text')) as TextFormat;
  if (format !== 'text' && format !== 'markdown' && format !== 'html') throw new UsageError('--format must be text, markdown or html');
  // The pipeline's own cap on one document; a FIFO or a device is refused, not waited on.
  const bytes = await readRegularFile(file, { bytes: CLEAN_MAX_BYTES });
  // A DOCX (a ZIP archive), a PDF or an old Word file read as text fails on its first binary byte
  // ("invalid utf-8 byte 0x9b"), which says nothing of the real problem.
  const binary = binaryKind(file, bytes);
  if (binary !== null) throw new UsageError(`clean reads text, Markdown and HTML; ${file} is ${binary} (for a DOCX, duizhao add converts it)`);
  const cleaned = clean(decode({ path: file, bytes, encoding: values.encoding ?? 'utf-8', format }));
  process.stdout.write(cleaned.blocks.map((b) => `${b.text}\n`).join(''));
  for (const r of cleaned.repairs) process.stderr.write(`${describeRepair(r)}\n`);
  for (const w of cleaned.warnings) process.stderr.write(`warning: ${w}\n`);
}

/** What a file clean cannot read is, by its first bytes or its extension; null for text. */
function binaryKind(file: string, bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || /\.docx$/i.test(file)) return 'a DOCX or another ZIP archive';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old Word (.doc) or other OLE file';
  return null;
}

/**
 * `search` and `export` read the build through the app's own store (lib/store), so they answer
 * exactly what the app serves, from the build folder of --build or from PostgreSQL with --database
 * (or DATABASE_URL). Chosen through the environment before the store is first loaded: the store
 * picks its storage once per process.
 */
async function openStore(values: { build?: string; database?: string }): Promise<typeof import('./store/index')> {
  if (values.build !== undefined && values.database !== undefined) throw new UsageError('give --build DIR or --database URL, not both');
  const url = values.build === undefined ? databaseUrl(values.database) : undefined;
  if (url !== undefined) process.env.DATABASE_URL = url;
  else {
    delete process.env.DATABASE_URL;
    process.env.DUIZHAO_BUILD = path.resolve(values.build ?? 'build');
  }
  return import('./store/index');
}

/** Closes PostgreSQL's pool (if one was opened) so the command exits. */
async function closeStore(): Promise<void> {
  const { disconnectAll } = await import('./db/pg');
  disconnectAll();
}

async function runExport(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' }, build: { type: 'string' }, database: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const { EXPORT_FORMATS, isExportFormat, isDocFormat, renderDocs, renderGlossary } = await import('./export');
  const format = values.format;
  if (!isExportFormat(format)) throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
  if (positionals.length > 1) throw new UsageError('export takes at most one DOCID');
  const only = positionals[0];
  // The glossary does not record which documents a term came from, so there is nothing to filter by.
  if (!isDocFormat(format) && only !== undefined) throw new UsageError(`--format ${format} exports the corpus-wide glossary and takes no DOCID`);
  const store = await openStore(values);
  try {
    if (!isDocFormat(format)) {
      process.stdout.write(renderGlossary(format, await store.getGlossary()));
      return;
    }
    const listed = await store.listDocs();
    const ids = only === undefined ? listed.map((d) => d.meta.id) : [only];
    if (only !== undefined && !listed.some((d) => d.meta.id === only)) {
      throw new Error(`no document "${only}" in the build (known: ${listed.map((d) => d.meta.id).join(', ')})`);
    }
    const docs: BuiltDoc[] = [];
    for (const id of ids) {
      const doc = await store.getDoc(id);
      if (doc !== null) docs.push(doc);
    }
    process.stdout.write(renderDocs(format, docs));
  } finally {
    await closeStore();
  }
}

/**
 * Most bytes `align` reads a side. It aligns whole texts at once (no paragraph pass first, as the
 * ingest has): 50 MB on one line ran the process out of memory (exit 134). The ingest's cap on one
 * HTML or Markdown document; a book larger than that aligns chapter by chapter.
 */
const ALIGN_MAX_BYTES = HTML_MAX_BYTES;

/** A UTF-8 file, decoded strictly; `lines` keeps every line (one sentence each), even empty ones. */
async function readText(file: string): Promise<string> {
  const bytes = await readRegularFile(file, { bytes: ALIGN_MAX_BYTES, advice: 'align takes one text at a time: split it into chapters and align each' });
  return decode({ path: file, bytes, encoding: 'utf-8', format: 'text' }).text;
}

function sentenceLines(text: string): string[] {
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

async function runAlign(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { zh: { type: 'string' }, en: { type: 'string' }, sentences: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (!values.zh || !values.en || positionals.length > 0) throw new UsageError('align needs --zh FILE and --en FILE');
  // The texts first: a file refused (too large, not a file) is said before jieba and the dictionary load.
  const [zhText, enText] = await Promise.all([readText(values.zh), readText(values.en)]);
  const [{ Aligner }, { loadCedict }, { formatBead }, { splitSentences }, { splitEnglishSentences }] = await Promise.all([
    import('./align/aligner'),
    import('./dictionary/cedict'),
    import('./align/score'),
    import('./text/segment'),
    import('./pipeline/english'),
  ]);
  const aligner = new Aligner(loadCedict());
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

/**
 * `align-words`: word links of sentence pairs (lib/wordalign). Returns the exit code itself:
 * unequal line counts and unreadable files are bad input (2), with one plain message.
 */
async function runAlignWords(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      zh: { type: 'string' },
      en: { type: 'string' },
      pretokenized: { type: 'boolean' },
      'print-tokens': { type: 'boolean' },
      build: { type: 'string' },
      'no-corpus': { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (!values.zh || !values.en || positionals.length > 0) throw new UsageError('align-words needs --zh FILE and --en FILE');
  let zhLines: string[];
  let enLines: string[];
  try {
    [zhLines, enLines] = (await Promise.all([readText(values.zh), readText(values.en)])).map(sentenceLines) as [string[], string[]];
  } catch (e) {
    process.stderr.write(`duizhao: ${(e as Error).message}\n`);
    return 2;
  }
  if (zhLines.length !== enLines.length) {
    process.stderr.write(`duizhao: ${values.zh} has ${zhLines.length} lines and ${values.en} has ${enLines.length}: align-words needs one sentence pair per line\n`);
    return 2;
  }
  const [wordalign, { loadCedict }, { segmentWords }] = await Promise.all([import('./wordalign/index'), import('./dictionary/cedict'), import('./text/segment')]);
  const dict = loadCedict();
  const pairs = zhLines.map((zh, k) =>
    values.pretokenized
      ? { zh: wordalign.spaceTokens(zh), en: wordalign.spaceTokens(enLines[k]!) }
      : { zh: segmentWords(zh.trim(), dict).filter((w) => !wordalign.isBlank(w)), en: wordalign.englishTokens(enLines[k]!).map((t) => t.text) },
  );
  const training = values['no-corpus'] ? [] : await corpusBeads(values.build, wordalign.documentBeads);
  const links = wordalign.alignWords(pairs, dict, { training });
  const out = links.map((l, k) =>
    values['print-tokens'] ? `${pairs[k]!.zh.join(' ')} ||| ${pairs[k]!.en.join(' ')} ||| ${wordalign.formatLinks(l)}\n` : `${wordalign.formatLinks(l)}\n`,
  );
  process.stdout.write(out.join(''));
  return 0;
}

/** The sentence beads of every document of a build, as token pairs; none (said on stderr) when there is no build. */
async function corpusBeads(
  build: string | undefined,
  documentBeads: typeof import('./wordalign/index').documentBeads,
): Promise<Array<import('./wordalign/index').TokenPair>> {
  const store = await openStore({ build });
  try {
    const beads = [];
    for (const { meta } of await store.listDocs()) {
      const doc = await store.getDoc(meta.id);
      if (doc) beads.push(...documentBeads(doc).map((b) => b.tokens));
    }
    return beads;
  } catch (e) {
    if (!(e instanceof store.BuildMissingError)) throw e;
    process.stderr.write(`duizhao: no build at ${path.resolve(build ?? 'build')}: learning from the input alone\n`);
    return [];
  } finally {
    await closeStore();
  }
}

/**
 * `search QUERY`: the app's search over build/search.jsonl. Returns the exit code itself, because a
 * bad query (2) and an unknown document (1) each print one plain message and no usage hint.
 */
async function runSearch(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, all: { type: 'boolean' }, doc: { type: 'string' }, build: { type: 'string' }, database: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  // Unquoted words arrive as separate arguments: they are the terms of one query.
  if (positionals.length === 0) throw new UsageError('search needs a QUERY');
  // The API's own check (lib/store/input.ts), so the CLI refuses what GET /api/search answers 400:
  // an empty or blank query, control characters, text that is not valid Unicode (an argument that
  // was not UTF-8 arrives with U+FFFD in it).
  const { checkSearchQuery } = await import('./store/input');
  const checked = checkSearchQuery(positionals.join(' '));
  if (!checked.ok) {
    process.stderr.write(`duizhao: ${checked.message}\n`);
    return 2;
  }
  const query = checked.value;
  const { MAX_LIMIT, QueryError } = await import('./search/index');
  const { markedLine } = await import('./search/marked-text');
  const store = await openStore(values);
  try {
    return await searchAndPrint(store, query, values, { MAX_LIMIT, QueryError, markedLine });
  } finally {
    await closeStore();
  }
}

async function searchAndPrint(
  store: typeof import('./store/index'),
  query: string,
  values: { json?: boolean; all?: boolean; doc?: string },
  { MAX_LIMIT, QueryError, markedLine }: Pick<typeof import('./search/index'), 'MAX_LIMIT' | 'QueryError'> & Pick<typeof import('./search/marked-text'), 'markedLine'>,
): Promise<number> {
  const docIds = (await store.listDocs()).map((d) => d.meta.id);
  const searcher = await store.getSearcher();
  if (values.doc !== undefined && !docIds.includes(values.doc)) {
    process.stderr.write(`duizhao: no document "${values.doc}" in the build (known: ${docIds.join(', ')})\n`);
    return 1;
  }
  let result;
  try {
    result = await searcher.search(query, { docId: values.doc, limit: values.all ? MAX_LIMIT : undefined });
    // --all pages through the ranked result; the searcher keeps it, so each page costs only its hits.
    while (values.all && result.hits.length < result.total) {
      const page = await searcher.search(query, { docId: values.doc, limit: MAX_LIMIT, offset: result.hits.length });
      if (page.hits.length === 0) break;
      result.hits.push(...page.hits);
    }
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    process.stderr.write(`duizhao: ${e.message}\n`);
    return 2;
  }
  if (values.json) {
    const hits = result.hits.map(({ docId, pair, zh, en, zhOriginal, zhParts, enParts }) => ({ docId, pair, zh, en, zhOriginal, zhParts, enParts }));
    process.stdout.write(`${JSON.stringify({ total: result.total, hits })}\n`);
    return 0;
  }
  const marks = process.stdout.isTTY ? { open: '\x1b[1;4m', close: '\x1b[0m' } : { open: '[', close: ']' };
  for (const hit of result.hits) {
    process.stdout.write(`${hit.docId} #p-${hit.pair + 1}\n  ${markedLine(hit.zhParts, marks)}\n  ${markedLine(hit.enParts, marks)}\n`);
  }
  const read = result.terms.map((t) => `${t.quoted ? `"${t.raw}"` : t.raw} (${t.kind})`).join(', ');
  const shown = result.hits.length < result.total ? `${result.hits.length} of ${result.total} hits (--all for every hit)` : `${result.total} hits`;
  process.stderr.write(`${shown}; terms: ${read || 'none'}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'ingest':
        await runIngest(rest);
        return 0;
      case 'add':
        await runAdd(rest);
        return 0;
      case 'publish':
        await runPublish(rest);
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
      case 'align-words':
        return await runAlignWords(rest);
      case 'search':
        return await runSearch(rest);
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
