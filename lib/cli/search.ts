/** `search QUERY`: the app's search over a build, from the command line. */
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command';
import { closeStore, openStore } from './store';

type Store = typeof import('../store/index');
type SearchModule = Pick<typeof import('../search/index'), 'MAX_LIMIT' | 'QueryError'> &
  Pick<typeof import('../search/marked-text'), 'markedLine'>;

async function searchAndPrint(
  store: Store,
  query: string,
  values: { json?: boolean; all?: boolean; doc?: string },
  { MAX_LIMIT, QueryError, markedLine }: SearchModule,
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
    const hits = result.hits.map(({ docId, pair, zh, en, zhOriginal, zhParts, enParts }) => ({
      docId,
      pair,
      zh,
      en,
      zhOriginal,
      zhParts,
      enParts,
    }));
    process.stdout.write(`${JSON.stringify({ total: result.total, hits })}\n`);
    return 0;
  }
  const marks = process.stdout.isTTY ? { open: '\x1b[1;4m', close: '\x1b[0m' } : { open: '[', close: ']' };
  for (const hit of result.hits) {
    process.stdout.write(
      `${hit.docId} #p-${hit.pair + 1}\n  ${markedLine(hit.zhParts, marks)}\n  ${markedLine(hit.enParts, marks)}\n`,
    );
  }
  const read = result.terms.map((t) => `${t.quoted ? `"${t.raw}"` : t.raw} (${t.kind})`).join(', ');
  const shown =
    result.hits.length < result.total
      ? `${result.hits.length} of ${result.total} hits (--all for every hit)`
      : `${result.total} hits`;
  process.stderr.write(`${shown}; terms: ${read || 'none'}\n`);
  return 0;
}

export const search: Command = {
  name: 'search',
  synopsis: 'search QUERY [--json] [--all] [--doc DOCID]',
  description: `Search the built corpus the way the app does. QUERY holds Chinese
(simplified or traditional), pinyin (hezuo, hé zuò, he2 zuo4) or
English; every term must match; "a quoted phrase" is exact. Prints
each hit, the match in [brackets], and the count and how each term was
read on stderr; with --json, one JSON document on stdout:
{"total": n, "hits": [{"docId", "pair", "zh", "en", ...}]}.
Exit 2 for a query it refuses, 1 for an unknown document.`,
  options: `  --json                   one JSON document on stdout instead of lines
  --all                    every hit (default: the first 20)
  --doc DOCID              only the pairs of this document
  --build DIR              build folder to read (default: build)
  --database URL           read the build published to PostgreSQL instead (default:
                           DATABASE_URL when set and no --build is given)`,
  /** A bad query (2) and an unknown document (1) each print one plain message and no usage. */
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        doc: { type: 'string' },
        build: { type: 'string' },
        database: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    // Unquoted words arrive as separate arguments: they are the terms of one query.
    if (positionals.length === 0) throw new UsageError('search needs a QUERY');
    // The API's own check (lib/store/input.ts), so the CLI refuses what GET /api/search answers 400:
    // an empty or blank query, control characters, text that is not valid Unicode (an argument that
    // was not UTF-8 arrives with U+FFFD in it).
    const { checkSearchQuery } = await import('../store/input');
    const checked = checkSearchQuery(positionals.join(' '));
    if (!checked.ok) {
      process.stderr.write(`duizhao: ${checked.message}\n`);
      return 2;
    }
    const { MAX_LIMIT, QueryError } = await import('../search/index');
    const { markedLine } = await import('../search/marked-text');
    const store = await openStore(values, config);
    try {
      return await searchAndPrint(store, checked.value, values, { MAX_LIMIT, QueryError, markedLine });
    } finally {
      await closeStore();
    }
  },
};
