/**
 * Hits per page of a search: the searcher's default and cap, and the bounds the HTTP API checks
 * `?limit=` against (lib/store/input.ts), one pair of numbers so the two never disagree.
 */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
