/** Word lists of the word aligner: data, apart from the code that uses it. */

/**
 * Full-width and typographic punctuation → the ASCII marks the other side may write for it (a
 * British translation quotes with single marks, an em dash is typed as a hyphen).
 */
export const PUNCTUATION: ReadonlyMap<string, readonly string[]> = new Map([
  ['，', [',']],
  ['、', [',']],
  ['。', ['.']],
  ['．', ['.']],
  ['：', [':']],
  ['；', [';']],
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

/** English number words and their values ("twenty-eight" sums its parts). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
  ['hundred', 100],
  ['thousand', 1000],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
  ['both', 2],
  ['twice', 2],
  ['dozen', 12],
  ['half', 0.5],
]);
