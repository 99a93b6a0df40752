/**
 * Word alignment: which English tokens render which Chinese word in a sentence pair. The public
 * surface; see align.ts for the method and README "Word alignment" for its figures.
 */
export { alignWords, alignPosteriors, type TokenPair } from './align';
export { documentBeads } from './beads';
export { formatLinks, parseLinks, addAer, aerScores, NO_COUNTS } from './pharaoh';
export type { Link } from './symmetrize';
export { englishTokens, spaceTokens, isBlank } from './tokens';
export { Priors, englishKey, senseStems } from './prior';
