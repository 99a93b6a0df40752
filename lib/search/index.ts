/**
 * Search over the aligned pairs: the public surface of lib/search. Each module does one job:
 *   query.ts        untrusted input → terms (Chinese, pinyin, English, quoted), or a QueryError
 *   encode.ts       folding, Chinese and English index terms; pinyin.ts: the pinyin view
 *   views.ts        the views a record is indexed in, and how a needle is looked up in them
 *   common-terms.ts posting lists with counts for common terms, and the two-pass build
 *   postings.ts     merging and ranking sorted id lists
 *   ranked-hits.ts  a query's hits paged from the heads of long lists' rankings, unions counted unwritten
 *   match.ts        verification and highlighting
 *   bundle.ts       building, writing and loading the indexes; searcher.ts: answering a query
 *   bundle-lines.ts the bundle as lines of bounded size (build/search.jsonl); bundle-file.ts reads it
 */
export { buildIndexBundle, loadSearcher, searcherOver } from './bundle';
export { BUNDLE_FILE, BundleFormatError, bundleFromLines, bundleLines } from './bundle-lines';
export { loadSearcherFromFile, readBundleFile } from './bundle-file';
export type { Part } from './match';
export { MAX_QUERY_CODE_POINTS, QueryError } from './query';
export { MAX_LIMIT, type SearchHit, type SearchResult, type Searcher } from './searcher';
