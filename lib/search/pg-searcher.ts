/**
 * Search with the rare-term indexes in PostgreSQL: the same searcher as in memory (searcher.ts),
 * whose FlexSearch lookups are fetched from the database first. The searcher is synchronous (its
 * ranking and verification are plain loops over records in memory); so a query is planned
 * (`rareLookupsOf`: the lookups it will make, without making them), those lookups are fetched
 * concurrently, and the search runs on the answers. Same ids, same ranking, same errors.
 *
 * The records (for verification and display) and the common terms' tables stay in memory, loaded
 * from the store: what PostgreSQL holds for several instances is the FlexSearch part, which is
 * what grows with the vocabulary.
 */
import type { PairRecord } from '../model';
import type { CommonTables } from './common-terms';
import { lookupRareKeys, type PgIndexes } from './pg-index';
import { createSearcherWith, rareQueryKey, type SearchOptions, type SearchResult } from './searcher';

/** A searcher whose answers come from a database: the same contract as `Searcher`, awaited. */
export interface AsyncSearcher {
  /** Rejects with QueryError for input the API should answer with 400 (as `Searcher.search` throws). */
  search(query: string, opts?: SearchOptions): Promise<SearchResult>;
}

export function pgSearcher(records: readonly PairRecord[], common: CommonTables, indexes: PgIndexes): AsyncSearcher {
  // The answers of the query being searched. Set and cleared around one synchronous search() call,
  // so concurrent queries (interleaving only at their awaits) never see each other's answers.
  let answers: Map<string, number[]> | null = null;
  const searcher = createSearcherWith(
    records,
    (view, keys) => {
      const found = answers?.get(rareQueryKey(view, keys));
      // Only a planning bug gets here: rareLookupsOf and search walk the same path.
      if (found === undefined) throw new Error(`pg-searcher: the lookup "${rareQueryKey(view, keys)}" was not fetched`);
      return found;
    },
    common,
  );
  return {
    async search(query, opts) {
      const needed = searcher.rareLookupsOf(query);
      const fetched = await Promise.all(needed.map((q) => lookupRareKeys(indexes, q.view, q.keys, records.length)));
      answers = new Map(needed.map((q, i) => [rareQueryKey(q.view, q.keys), fetched[i] ?? []]));
      try {
        return searcher.search(query, opts);
      } finally {
        answers = null;
      }
    },
  };
}
