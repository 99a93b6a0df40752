import { describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import type { Bead } from '../model';
import { chineseFeatures, englishFeatures, Interner, sentenceIds } from './features';
import { addLearned, DEFAULT_LEARN_OPTIONS, learnTranslations } from './learned';
import { lexiconFor } from './lexicon';

const dict = loadCedict();
const lexicon = lexiconFor(dict);

/** Minford renders 韦小宝 as Trinket: a name no dictionary can give, seen once per sentence here. */
const ZH = [
  '韦小宝走进了皇宫。',
  '皇帝看着韦小宝笑了。',
  '第二天韦小宝又去了书房。',
  '韦小宝的母亲住在扬州。',
  '海老公叫韦小宝过来。',
  '晚上韦小宝一个人喝酒。',
  '韦小宝跑回了家。',
  '大家都说韦小宝聪明。',
];
/** Sentences without him: the rest of a text, where what no word explains is spread thin. */
const OTHER_ZH = ['天下雨了。', '他们在河边吃饭。', '这本书很有意思。', '城里的商店都关门了。', '马跑得很快。'];
const OTHER_EN = [
  'It rained.',
  'They ate by the river.',
  'This book is very interesting.',
  'The shops in the city were all closed.',
  'The horse ran fast.',
];
const EN = [
  'Then Trinket walked into the palace.',
  'The emperor looked at Trinket and laughed.',
  'The next day Trinket went to the library again.',
  "So Trinket's mother lived in Yangzhou.",
  'Old Hai called Trinket over.',
  'In the evening Trinket drank alone.',
  'Then Trinket ran back home.',
  'Everyone said Trinket was clever.',
];

function features(zh = [...ZH, ...OTHER_ZH], en = [...EN, ...OTHER_EN]) {
  const interner = new Interner();
  return { zh: chineseFeatures(zh, dict, lexicon, interner), en: englishFeatures(en, interner), interner };
}

const oneToOne = (n: number, confidence: number): Bead[] =>
  Array.from({ length: n }, (_, i) => ({ zh: [i], en: [i], confidence }));

/** The word types found in every sentence that speaks of him (韦小宝, and nothing else here). */
function typesInEverySentence(zh: ReturnType<typeof features>['zh']): Set<number> {
  const sets = zh.slice(0, ZH.length).map((z) => new Set(z.words.map((w) => w.type)));
  return new Set([...sets[0]!].filter((t) => t >= 0 && sets.every((s) => s.has(t))));
}

describe('translations learned over the document', () => {
  it('learns the translator’s name for a word from the sure beads, and only for that word', () => {
    const { zh, en, interner } = features();
    const trinket = interner.id('trinket');
    const learned = learnTranslations(zh, en, oneToOne(zh.length, 0.9));
    const learnedTrinket = [...learned].filter(([, ids]) => ids.includes(trinket)).map(([type]) => type);
    expect(learnedTrinket).toHaveLength(1);
    expect(typesInEverySentence(zh).has(learnedTrinket[0]!)).toBe(true);
    // No other pair is seen often enough to be learned.
    expect([...learned.values()].flatMap((ids) => [...ids])).toEqual([trinket]);
  });

  it('learns nothing from beads it is not sure of, nor from a pair seen fewer times than it asks', () => {
    const { zh, en } = features();
    expect(learnTranslations(zh, en, oneToOne(zh.length, 0.1)).size).toBe(0);
    const few = features([...ZH.slice(0, 3), ...OTHER_ZH], [...EN.slice(0, 3), ...OTHER_EN]);
    expect(learnTranslations(few.zh, few.en, oneToOne(few.zh.length, 0.9)).size).toBe(0);
    // Beads wider than `maxSide` sentences a side are not training pairs (fewer occurrences are asked
    // for here, as the same eight sentences make four beads).
    const options = { ...DEFAULT_LEARN_OPTIONS, minCount: 2 };
    const wide = [0, 2, 4, 6].map((i) => ({ zh: [i, i + 1], en: [i, i + 1], confidence: 0.9 }));
    expect(learnTranslations(zh, en, wide, options).size).toBeGreaterThan(0);
    expect(learnTranslations(zh, en, wide, { ...options, maxSide: 1 }).size).toBe(0);
  });

  it('adds learned ids to every occurrence of the word, and leaves other sentences as they were', () => {
    const { zh, en, interner } = features();
    const trinket = interner.id('trinket');
    const learned = learnTranslations(zh, en, oneToOne(zh.length, 0.9));
    const before = [...zh];
    expect(addLearned(zh, learned)).toBe(ZH.length);
    for (let i = 0; i < ZH.length; i++) {
      expect(sentenceIds(before[i]!).includes(trinket)).toBe(false);
      expect(sentenceIds(zh[i]!).includes(trinket)).toBe(true);
    }
    for (let i = ZH.length; i < zh.length; i++) expect(zh[i]).toBe(before[i]);
  });
});
