/**
 * Search over the aligned pairs: the public surface of lib/search. Each module does one job:
 *   query.ts        untrusted input → terms (Chinese, pinyin, English, quoted), or a QueryError
 *   encode.ts       folding, Chinese and English index terms; pinyin.ts: the pinyin view
 *   views.ts        the views a record is indexed in, and how a needle is looked up in them
 *   common-terms.ts posting lists with counts for common terms, and the two-pass build
 *   postings.ts     merging and ranking sorted id lists
 *   match.ts        verification and highlighting
 *   bundle.ts       building, writing and loading the indexes; searcher.ts: answering a query
 *   bundle-lines.ts the bundle as lines of bounded size (build/search.jsonl); bundle-file.ts reads it
 */
export { buildIndexBundle, loadSearcher, searcherOver, type BuildOptions } from './bundle';
export { BUNDLE_FILE, BundleFormatError, bundleFromLines, bundleLines } from './bundle-lines';
export { loadSearcherFromFile, readBundleFile } from './bundle-file';
export { COMMON_TERM_RECORDS } from './common-terms';
export type { Part } from './match';
export { MAX_QUERY_CODE_POINTS, QueryError, type TermKind } from './query';
export { DEFAULT_LIMIT, MAX_LIMIT, type SearchHit, type SearchOptions, type SearchResult, type Searcher, type SearchTerm } from './searcher';
