/**
 * British spellings folded to American before stemming. The translations are written in British
 * English (neighbourliness, organisation, defence, centre) and CC-CEDICT in American, and Porter
 * does not bring them together (organisation → organis, organization → organ), so without this a
 * sense would never match its own rendering. Applied to both sides, a rule that also rewrites a
 * word that was never British (promise → promize) is harmless: it rewrites it everywhere.
 */

/** Whole-word respellings that no suffix rule covers. */
const WORDS: ReadonlyMap<string, string> = new Map([
  ['centre', 'center'],
  ['centres', 'centers'],
  ['centred', 'centered'],
  ['metre', 'meter'],
  ['metres', 'meters'],
  ['theatre', 'theater'],
  ['theatres', 'theaters'],
  ['fibre', 'fiber'],
  ['litre', 'liter'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['licence', 'license'],
  ['pretence', 'pretense'],
  ['grey', 'gray'],
  ['cheque', 'check'],
  ['tyre', 'tire'],
  ['manoeuvre', 'maneuver'],
]);

/** Suffix rules, tried in order; the first that matches rewrites the word. */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // -our: neighbour(liness), labour, honour, favourable, behaviour; three letters before it keep
  // four, hour, your, tour, pour and journey out.
  [/(?<=[a-z]{3})our(?=(?:s|ed|ing|ite|ites|able|ably|ful|less|ly|liness|hood|hoods|er|ers)?$)/, 'or'],
  // -ise/-isation: organise, globalisation, recognised; -yse: analyse, paralysed.
  [/(?<=[a-z]{3})is(?=(?:e|es|ed|ing|ation|ations|er|ers)$)/, 'iz'],
  [/(?<=[a-z]{2})ys(?=(?:e|es|ed|ing)$)/, 'yz'],
  // dialogue, catalogue (but not league, vague, plague: at least four letters before -logue).
  [/(?<=[a-z]{2})logue(?=s?$)/, 'log'],
  // travelled, modelling, labelled: American doubles no l there.
  [/(?<=[a-z]{3}[aeiou])ll(?=(?:ed|ing|er|ers)$)/, 'l'],
];

/** A lower-case English word in American spelling (most words come back unchanged). */
export function americanSpelling(word: string): string {
  const whole = WORDS.get(word);
  if (whole !== undefined) return whole;
  for (const [pattern, replacement] of RULES) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}
