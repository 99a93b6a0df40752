/** `export --format F [DOCID]`: the built corpus as TMX or TSV, the glossary as TBX or CSV. */
import { parseArgs } from 'node:util';
import type { BuiltDoc } from '../model';
import { UsageError, type Command } from './command';
import { closeStore, openStore } from './store';

export const exportCommand: Command = {
  name: 'export',
  synopsis: 'export --format tmx|tsv|tbx|csv [DOCID]',
  description: `Print an export of the built corpus:
  tmx  the aligned sentences as a TMX 1.4b translation memory
       (zh-CN simplified, en-GB; a traditional original is kept as
       a zh-HK or zh-TW variant); unaligned sentences are left out
  tsv  every aligned pair, docId<TAB>Chinese (simplified)<TAB>English;
       an empty column for an unaligned side
  tbx  the glossary as a TBX-Basic termbase (ISO 30042:2019)
  csv  the glossary as CSV (RFC 4180, UTF-8 with a BOM for Excel)
tmx and tsv cover every document, or the one given as DOCID; the
glossary is corpus-wide, so tbx and csv take no DOCID.`,
  options: `  --build DIR              build folder to read (default: build)
  --database URL           read the build published to PostgreSQL instead (default:
                           DATABASE_URL when set and no --build is given)`,
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      options: { format: { type: 'string' }, build: { type: 'string' }, database: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const { EXPORT_FORMATS, isExportFormat, isDocFormat, renderDocs, renderGlossary } = await import('../export');
    const format = values.format;
    if (!isExportFormat(format)) throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
    if (positionals.length > 1) throw new UsageError('export takes at most one DOCID');
    const only = positionals[0];
    // The glossary does not record which documents a term came from, so there is nothing to filter by.
    if (!isDocFormat(format) && only !== undefined)
      throw new UsageError(`--format ${format} exports the corpus-wide glossary and takes no DOCID`);
    const store = await openStore(values, config);
    try {
      if (!isDocFormat(format)) {
        process.stdout.write(renderGlossary(format, await store.getGlossary()));
        return 0;
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
      return 0;
    } finally {
      await closeStore();
    }
  },
};
