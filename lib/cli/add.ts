/** `add SOURCE`: a new corpus folder (lib/add), then the very ingest the `ingest` command runs. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command';
import { ingestWithProgress } from './ingest';
import { databaseUrl } from './store';

export const add: Command = {
  name: 'add',
  synopsis: 'add SOURCE [--translation FILE] [options]',
  description: `Add a document of your own to the corpus, then ingest. SOURCE is
.txt, .md, .html/.htm, .docx, or a translation memory (.tmx,
.xlf/.xliff: its units become the pairs, as given). Reports on
stderr the encoding chardet guessed (with its confidence; refused
below 50% or if the strict decoder disagrees: say --encoding) and
the script variant opencc-js found (shares of traditional-only and
simplified-only characters; Hong Kong forms such as 裏 着 啓 make it
traditional-HK, otherwise traditional-TW). Writes corpus/<id>/ with
the source byte for byte, the translation and meta.json, atomically;
if the ingest then fails, the folder is taken out again.`,
  options: `  --translation FILE       the English translation: .txt, .md, .html or .docx, in UTF-8
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
  --corpus DIR, --build DIR  as for ingest`,
  async run(args, config) {
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
    const { addDocument } = await import('../add/add');
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
      // The ingest's defaults: the cache, threads as the sources warrant, and DATABASE_URL when set.
      await ingestWithProgress({
        corpusDir,
        buildDir: values.build ? path.resolve(values.build) : undefined,
        full: false,
        workers: 'auto',
        databaseUrl: databaseUrl(undefined, config),
        pgSchema: config.pgSchema,
      });
    } catch (e) {
      await added.rollback();
      throw new Error(
        `the ingest failed, so ${added.id} was not added (the corpus is as it was): ${(e as Error).message}`,
        { cause: e },
      );
    }
    await added.commit();
    return 0;
  },
};
