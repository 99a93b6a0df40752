/** Word lists of the word aligner: data, apart from the code that uses it. */

import { NUMBER_WORDS as SHARED_NUMBER_WORDS } from '../text/number-words';

/**
 * Full-width and typographic punctuation → the ASCII marks the other side may write for it (a
 * British translation quotes with single marks, an em dash is typed as a hyphen). A Chinese
 * sentence runs on through commas where English stops or pauses harder, so ， may be rendered ;
 * or : and ； a full stop.
 */
export const PUNCTUATION: ReadonlyMap<string, readonly string[]> = new Map([
  ['，', [',', ';', ':']],
  ['、', [',']],
  ['。', ['.']],
  ['．', ['.']],
  ['：', [':']],
  ['；', [';', '.']],
  ['！', ['!']],
  ['？', ['?']],
  ['“', ['"', "'"]],
  ['”', ['"', "'"]],
  ['‘', ["'", '"']],
  ['’', ["'", '"']],
  ['「', ['"', "'"]],
  ['」', ['"', "'"]],
  ['『', ['"', "'"]],
  ['』', ['"', "'"]],
  ['《', ['"']],
  ['》', ['"']],
  ['（', ['(']],
  ['）', [')']],
  ['【', ['[']],
  ['】', [']']],
  ['—', ['-', '—']],
  ['——', ['-', '—']],
  ['–', ['-', '–']],
  ['…', ['...', '…']],
  ['……', ['...', '…']],
  ['·', ['-']],
  ['〈', ['"']],
  ['〉', ['"']],
  ['"', ['"']],
  ["'", ["'"]],
]);

/** An English pronoun's other cases: CC-CEDICT glosses 她 "she", a translation writes "her". */
export const PRONOUN_FORMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['i', ['me', 'my', 'mine', 'myself']],
  ['me', ['i', 'my']],
  ['you', ['your', 'yours', 'yourself']],
  ['he', ['him', 'his', 'himself']],
  ['she', ['her', 'hers', 'herself']],
  ['it', ['its', 'itself']],
  ['we', ['us', 'our', 'ours', 'ourselves']],
  ['they', ['them', 'their', 'theirs', 'themselves']],
  ['him', ['he', 'his']],
  ['her', ['she', 'hers']],
]);

/**
 * English words a dictionary sense is built from but that say nothing of the rendering ("to
 * cooperate", "the Russian Federation"). A one-word sense keeps its word even when it is here:
 * 和 "and", 在 "at", 的 "of" are renderings of those function words.
 */
export const SENSE_STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the to of and or in on at by for from with as be is are was were been being it its one's sb sth something someone oneself one etc
  esp especially used also variant see abbr lit fig old classifier cl pr form bound particle
  that this these those his her their our your my not no into onto up out over under about such than so very`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * English number words and their values ("twenty-eight" sums its parts): the shared list, and
 * "both", which a word link may take as the translation of 两 (两国 → both countries).
 */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([...SHARED_NUMBER_WORDS, ['both', 2]]);

/**
 * Marks after which a long pair may be cut into clauses (long-pairs.ts), each side's own: a
 * clause ends at them, and an enumeration's 、 or a quotation's marks do not end one.
 */
export const CLAUSE_ENDS_ZH: ReadonlySet<string> = new Set(['，', '；', '：', '。', '！', '？']);
export const CLAUSE_ENDS_EN: ReadonlySet<string> = new Set([',', ';', ':', '.', '!', '?']);
