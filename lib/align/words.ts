/** Word lists for the aligner: data, kept apart from the code that uses it. */
export { NUMBER_WORDS } from '../text/number-words';

/** English function words: they carry no evidence of which sentence translates which. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves also may might must shall one ones oneself something someone anything anyone nothing nobody thing things get got go went gone come came make made said say says like well even still yet though although however upon within without toward towards onto us let let's ever never much many every`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that scale the number before them: "200 billion", "1.5 million". */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);
