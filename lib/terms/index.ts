/**
 * Terminology: how the corpus renders a Chinese term (term spotting over the aligned pairs), the
 * glossary's candidates and termhood, HSK levels, and the term page's helpers. The pipeline's
 * glossary stage (lib/pipeline/glossary.ts) and the app's term page both use this surface.
 */
export { termReport } from './report';
export { termPairs, type TermPair } from './pairs';
export { hskLevel } from './hsk';
export { longerTermsContaining } from './distribution';
export { sentenceHit } from './sentence-hit';
