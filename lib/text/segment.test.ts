import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import { segmentBlock, segmentWords, splitSentences } from './segment';
import { softEnd } from './soft-ends';
import { seededRandom } from '../../tests/fixtures/random';

const random = seededRandom;

/** Text made of the pieces that matter: terminators, closers, openers, spaces, Ext-B, emoji, selectors. */
const PIECES = [
  '中',
  '俄',
  '关系',
  '合作',
  '习近平',
  '普京',
  '𠀀',
  '😀',
  '👨‍👩‍👧',
  '🇨🇳',
  '葛󠄀',
  '❤️',
  'é',
  '。',
  '！',
  '？',
  '；',
  '…',
  '……',
  '⋯⋯',
  '!',
  '?',
  '.',
  '，',
  '、',
  '：',
  '”',
  '’',
  '」',
  '』',
  '）',
  '》',
  '】',
  '“',
  '「',
  '《',
  '（',
  ' ',
  '　',
  '\t',
  'Xi',
  'COVID-19',
  '2026',
  '3.5%',
];

function randomText(next: () => number): string {
  let text = '';
  const n = Math.floor(next() * 30);
  for (let i = 0; i < n; i++) text += PIECES[Math.floor(next() * PIECES.length)] ?? '';
  return text;
}

describe('softEnd', () => {
  it('marks a clause ended by "；" and a quotation closed after its terminator, footnote markers and spaces after them included', () => {
    const soft = [
      '扩大贸易规模；',
      '一是合作；” ',
      '“中俄关系发展最典型的特征是元首战略引领。”',
      '依托。”①',
      '真的吗？」',
    ];
    expect(soft.map(softEnd)).toEqual(['clause', 'clause', 'quotation', 'quotation', 'quotation']);
  });

  it('leaves a full stop, a closing bracket after one, and a quotation closed before its terminator hard', () => {
    const hard = ['两国元首举行会谈。', '（2016）。', '这“充分体现了认同”①。', '他说“好”', ''];
    expect(hard.filter((s) => softEnd(s) !== null)).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('keeps a footnote marker after a closing quote, or at the end of the text, with the sentence it ends', () => {
    // The CIIS report: "…筑牢彼此战略依托。”①2013年以来…" — the marker cites the quotation.
    expect(splitSentences('筑牢彼此战略依托。”①2013年以来，两国领导人引领关系发展。')).toEqual([
      '筑牢彼此战略依托。”①',
      '2013年以来，两国领导人引领关系发展。',
    ]);
    expect(splitSentences('占比79%。④')).toEqual(['占比79%。④']);
    expect(splitSentences('占比79%。④ 另外，手机受到青睐。')).toEqual(['占比79%。④ ', '另外，手机受到青睐。']);
  });

  it('starts the next sentence with a circled number that numbers a list item', () => {
    expect(splitSentences('主要有：①扩大贸易；②发展互联互通。')).toEqual(['主要有：①扩大贸易；', '②发展互联互通。']);
  });

  it('splits after 。！？； and keeps closing quotes and brackets with their sentence', () => {
    expect(splitSentences('他说：“我们同意。”然后离开了。')).toEqual(['他说：“我们同意。”', '然后离开了。']);
    expect(splitSentences('一是合作；二是发展。')).toEqual(['一是合作；', '二是发展。']);
    expect(splitSentences('真的吗？！是的！！')).toEqual(['真的吗？！', '是的！！']);
    expect(splitSentences('（完。）下一段')).toEqual(['（完。）', '下一段']);
    expect(splitSentences('「好。」』》】他说')).toEqual(['「好。」』》】', '他说']);
    expect(splitSentences('他说：“好！”。然后')).toEqual(['他说：“好！”。', '然后']);
  });

  it('does not split at a question mark inside a title in 《》, nor lets an unclosed 《 swallow the text', () => {
    expect(
      splitSentences('③《怎样评价对方人民？中俄关系民意调查报告发布》，载《北京日报》2022年1月28日。后文。'),
    ).toEqual(['③《怎样评价对方人民？中俄关系民意调查报告发布》，载《北京日报》2022年1月28日。', '后文。']);
    expect(splitSentences('他读了《为什么？》。你呢？')).toEqual(['他读了《为什么？》。', '你呢？']);
    expect(splitSentences('书名是《为什么？我不知道。')).toEqual(['书名是《为什么？', '我不知道。']);
  });

  it('splits after ellipses, however written', () => {
    expect(splitSentences('我们……我们走吧。')).toEqual(['我们……', '我们走吧。']);
    expect(splitSentences('等等…好')).toEqual(['等等…', '好']);
    expect(splitSentences('等等⋯⋯好')).toEqual(['等等⋯⋯', '好']);
    expect(splitSentences('他说……”好')).toEqual(['他说……”', '好']);
  });

  it('keeps trailing whitespace with the sentence before it', () => {
    expect(splitSentences('你好。 他说。')).toEqual(['你好。 ', '他说。']);
    expect(splitSentences('  你好。　')).toEqual(['  你好。　']);
  });

  it('does not split on a decimal point or a comma', () => {
    expect(splitSentences('增长3.5%，达到新高。')).toEqual(['增长3.5%，达到新高。']);
  });

  it('never produces an empty sentence', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('。')).toEqual(['。']);
    expect(splitSentences('。。。')).toEqual(['。。。']);
    expect(splitSentences('没有标点')).toEqual(['没有标点']);
  });

  it('is lossless and never yields an empty sentence (property, 2,000 random texts)', () => {
    const next = random(20260520);
    for (let i = 0; i < 2000; i++) {
      const text = randomText(next);
      const sentences = splitSentences(text);
      expect(sentences.join('')).toBe(text);
      expect(sentences.every((s) => s.length > 0)).toBe(true);
    }
  });
});

describe('segmentWords', () => {
  it('keeps 习近平 and 普京 whole', () => {
    const words = segmentWords('国家主席习近平同俄罗斯总统普京举行会谈。');
    expect(words).toContain('习近平');
    expect(words).toContain('普京');
    expect(words).not.toContain('近平');
  });

  it('loses nothing: Extension B, emoji, variation selectors, Latin, digits and spaces', () => {
    const sentence = '𠀀字😀和葛󠄀亮，Xi Jinping 于2026年5月20日  会见👨‍👩‍👧，增长3.5%。';
    const words = segmentWords(sentence);
    expect(words.join('')).toBe(sentence);
    expect(words.every((w) => w.length > 0)).toBe(true);
    // A variation selector stays with its base character, a ZWJ sequence stays one word.
    expect(words).toContain('葛󠄀');
    expect(words.some((w) => w.includes('👨‍👩‍👧'))).toBe(true);
    expect(words.some((w) => w.startsWith('\u{E0100}'))).toBe(false);
    expect(words).toContain('𠀀');
    expect(words).toContain('😀');
  });

  it('never splits a surrogate pair or a flag', () => {
    for (const word of segmentWords('🇨🇳🇷🇺中俄𠀀𠀁😀❤️!')) {
      // In a /u regex a surrogate range matches only lone surrogates, i.e. a split pair.
      expect(word).not.toMatch(/[\uD800-\uDFFF]/u);
    }
    expect(segmentWords('🇨🇳🇷🇺').join('|')).not.toMatch(/^\p{Regional_Indicator}\|/u);
  });

  it('is lossless on random text (property, 1,000 random sentences)', () => {
    const next = random(7);
    const dict = loadCedict();
    for (let i = 0; i < 1000; i++) {
      const text = randomText(next);
      expect(segmentWords(text).join('')).toBe(text);
      expect(segmentWords(text, dict).join('')).toBe(text);
    }
  });

  it('returns no words for an empty sentence', () => {
    expect(segmentWords('')).toEqual([]);
  });

  describe('with the dictionary', () => {
    const dict = loadCedict();

    it('re-cuts jieba words that CC-CEDICT lacks into CC-CEDICT words', () => {
      expect(segmentWords('中俄新时代全面战略协作伙伴关系', dict)).toEqual([
        '中俄',
        '新',
        '时代',
        '全面',
        '战略',
        '协作',
        '伙伴',
        '关系',
      ]);
      expect(segmentWords('他长得很高。', dict)).toEqual(['他', '长', '得', '很', '高', '。']);
    });

    it('splits as a reader would where greedy matching stole the start of a word (北京|人民大会堂)', () => {
      const words = segmentWords('国家主席习近平在北京人民大会堂同普京举行会谈。', dict);
      expect(words.slice(4, 7)).toEqual(['北京', '人民大会堂', '同']);
    });

    it("keeps CC-CEDICT's headwords that jieba's own dictionary lacks whole (共赢, 一带一路, 上海合作组织)", () => {
      expect(segmentWords('坚持合作共赢。', dict)).toContain('共赢');
      expect(segmentWords('“一带一路”国际合作', dict)).toContain('一带一路');
      expect(segmentWords('上海合作组织成员国', dict)).toContain('上海合作组织');
    });

    it('keeps names found by the HMM, and 习近平 and 普京', () => {
      const words = segmentWords('蔡奇、王毅、何立峰参加。习近平同普京举行会谈。', dict);
      for (const name of ['蔡奇', '王毅', '何立峰', '习近平', '普京']) expect(words).toContain(name);
    });
  });
});

describe('segmentBlock', () => {
  const toSimplified = Converter({ from: 'hk', to: 'cn' });

  it('converts and segments traditional text, keeping each word in its original script', () => {
    const original = '中俄關係發展良好。兩國元首舉行會談。';
    const simplified = toSimplified(original);
    expect(simplified).toBe('中俄关系发展良好。两国元首举行会谈。');
    const sentences = segmentBlock(original, simplified);
    expect(sentences.map((s) => s.original)).toEqual(['中俄關係發展良好。', '兩國元首舉行會談。']);
    expect(sentences.map((s) => s.simplified)).toEqual(['中俄关系发展良好。', '两国元首举行会谈。']);
    const words = sentences.flatMap((s) => s.words);
    expect(words.map((w) => w.original).join('')).toBe(original);
    expect(words.map((w) => w.simplified).join('')).toBe(simplified);
    const relation = words.find((w) => w.simplified.includes('关系'));
    expect(relation?.original).toBe(relation?.simplified.replace('关系', '關係'));
    expect(words.every((w) => w.pinyin === '' && w.key === null)).toBe(true);
  });

  it('keeps originals with the dictionary refinement too', () => {
    const dict = loadCedict();
    // CC-CEDICT has 中俄关系 (one word); jieba's 两国关系 it lacks, so that is re-cut.
    const words = (text: string) =>
      segmentBlock(text, toSimplified(text), dict).flatMap((s) => s.words.map((w) => [w.original, w.simplified]));
    expect(words('中俄關係')).toEqual([['中俄關係', '中俄关系']]);
    expect(words('兩國關係')).toEqual([
      ['兩國', '两国'],
      ['關係', '关系'],
    ]);
  });

  it('never guesses offsets when a conversion changed the length of a sentence', () => {
    // A made-up conversion that shortens the first sentence: its words keep their simplified form.
    const sentences = segmentBlock('甲乙丙丁。中俄關係。', '甲乙丁。中俄关系。');
    expect(sentences).toHaveLength(2);
    expect(sentences[0]?.original).toBe('甲乙丙丁。');
    expect(sentences[0]?.words.every((w) => w.original === w.simplified)).toBe(true);
    expect(sentences[1]?.words.map((w) => w.original).join('')).toBe('中俄關係。');
  });

  it('falls back to one sentence when the two texts split differently and differ in length', () => {
    const sentences = segmentBlock('甲。乙。丙', '甲乙丙丁');
    expect(sentences).toHaveLength(1);
    expect(sentences[0]?.original).toBe('甲。乙。丙');
    expect(sentences[0]?.simplified).toBe('甲乙丙丁');
    expect(sentences[0]?.words.every((w) => w.original === w.simplified)).toBe(true);
  });

  it('splits the original at the simplified boundaries when only the punctuation differs', () => {
    const sentences = segmentBlock('甲，乙', '甲。乙');
    expect(sentences.map((s) => [s.original, s.simplified])).toEqual([
      ['甲，', '甲。'],
      ['乙', '乙'],
    ]);
  });

  it('returns no sentences for an empty block and is lossless with astral characters', () => {
    expect(segmentBlock('', '')).toEqual([]);
    const text = '𠀀😀葛󠄀中俄關係。';
    const sentences = segmentBlock(text, toSimplified(text));
    expect(
      sentences
        .flatMap((s) => s.words)
        .map((w) => w.original)
        .join(''),
    ).toBe(text);
  });
});
