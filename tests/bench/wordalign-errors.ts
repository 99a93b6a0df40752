/**
 * Where the word aligner fails on a gold set (`npm run bench:wordalign -- --errors`): its missed
 * sure links and its wrong links (in neither the sure nor the possible gold), each put in one class,
 * the first that fits:
 *   - punctuation: a mark on either side;
 *   - untranslated (wrong links only): the gold leaves one of the two tokens unlinked;
 *   - function word: a Chinese function word (lib/terms/function-words.ts) or an English one;
 *   - phrase: in the gold, one of the two tokens is linked to several (a Chinese word rendered by
 *     an English phrase, an idiom, an English word covering several Chinese words);
 *   - free rendering: one to one, but nothing the priors know links the two words (a paraphrase);
 *   - known pair: one to one, and the priors know the pair (the model still got it wrong).
 */
import { FUNCTION_WORDS } from '../../lib/terms/function-words';
import { isContentWord } from '../../lib/terms/english';
import { englishKey, type Link, type Priors } from '../../lib/wordalign/index';
import type { GoldPair } from './wordalign-gold';

export const ERROR_CLASSES = [
  'punctuation',
  'untranslated',
  'function word',
  'phrase',
  'free rendering',
  'known pair',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

export interface ErrorCounts {
  missed: Record<ErrorClass, number>;
  wrong: Record<ErrorClass, number>;
  /** Sure links of the gold, and links the aligner proposed: the shares' denominators. */
  sure: number;
  proposed: number;
}

const none = (): Record<ErrorClass, number> =>
  Object.fromEntries(ERROR_CLASSES.map((c) => [c, 0])) as Record<ErrorClass, number>;

const isMark = (token: string) => !/[\p{L}\p{N}]/u.test(token);

/** The class of link [i, j] of `pair`, judged against its gold. */
export function errorClass(pair: GoldPair, [i, j]: Link, priors: Priors, wrong: boolean): ErrorClass {
  const zh = pair.zh[i] ?? '';
  const en = pair.en[j] ?? '';
  const gold = [...pair.sure, ...pair.possible];
  const zhLinks = gold.filter(([a]) => a === i).length;
  const enLinks = gold.filter(([, b]) => b === j).length;
  if (isMark(zh) || isMark(en)) return 'punctuation';
  if (wrong && (zhLinks === 0 || enLinks === 0)) return 'untranslated';
  if (FUNCTION_WORDS.has(zh) || !isContentWord(en.toLowerCase())) return 'function word';
  if (zhLinks > 1 || enLinks > 1) return 'phrase';
  return priors.strength(zh, englishKey(en)) > 0 ? 'known pair' : 'free rendering';
}

/** The aligner's errors on `gold` (its links `tests`, pair by pair), by class. */
export function errorCounts(
  gold: readonly GoldPair[],
  tests: readonly (readonly Link[])[],
  priors: Priors,
): ErrorCounts {
  const counts: ErrorCounts = { missed: none(), wrong: none(), sure: 0, proposed: 0 };
  const key = ([i, j]: Link) => `${i}-${j}`;
  gold.forEach((pair, k) => {
    const test = tests[k] ?? [];
    const proposed = new Set(test.map(key));
    const allowed = new Set([...pair.sure, ...pair.possible].map(key));
    counts.sure += pair.sure.length;
    counts.proposed += proposed.size;
    for (const link of pair.sure) if (!proposed.has(key(link))) counts.missed[errorClass(pair, link, priors, false)]++;
    for (const link of test) if (!allowed.has(key(link))) counts.wrong[errorClass(pair, link, priors, true)]++;
  });
  return counts;
}
