import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CODE_POINTS, QueryError, parseQuery, type Needle, type QueryTerm } from './query';

/** The needles of a term that has a single alternative. */
function needles(term: QueryTerm | undefined): Needle[] | undefined {
  expect(term?.alternatives).toHaveLength(1);
  return term?.alternatives[0];
}

describe('parseQuery', () => {
  it('routes a term with Han characters to Chinese, others to English', () => {
    const terms = parseQuery('合作 Cooperation G20峰会');
    expect(terms.map((t) => [t.kind, t.raw])).toEqual([
      ['simplified', '合作'],
      ['english', 'Cooperation'],
      ['simplified', 'G20峰会'],
    ]);
  });

  it('converts traditional terms and keeps the typed form as a second spelling', () => {
    const [term] = parseQuery('關係');
    expect(term?.kind).toBe('traditional');
    expect(needles(term)).toEqual([
      {
        side: 'zh',
        forms: [
          { folded: '关系', terms: ['关系'], chars: ['关', '系'] },
          { folded: '關係', terms: ['關係'], chars: ['關', '係'] },
        ],
      },
    ]);
  });

  it('stems English words', () => {
    const [term] = parseQuery('Cooperating');
    expect(needles(term)).toEqual([{ side: 'en', words: ['cooperating'], stems: ['cooper'], exact: false }]);
  });

  it('gives no terms for empty, whitespace or punctuation-only queries', () => {
    expect(parseQuery('')).toEqual([]);
    expect(parseQuery(' \t\u3000\n')).toEqual([]);
    expect(parseQuery('* \\ ，。')).toEqual([]);
  });

  it('treats control characters as spaces', () => {
    expect(parseQuery('合作\u0000关系').map((t) => t.raw)).toEqual(['合作', '关系']);
  });

  it('merges terms that search for the same thing', () => {
    expect(parseQuery('cooperation Cooperation cooperate')).toHaveLength(1);
    expect(parseQuery('关系 關係')).toHaveLength(2); // different spellings to look for
  });

  it('accepts __proto__, constructor and markup as ordinary text', () => {
    expect(parseQuery('__proto__ constructor').map((t) => t.raw)).toEqual(['__proto__', 'constructor']);
    expect(parseQuery('<img src=x onerror=alert(1)>').map((t) => t.kind)).toEqual(['english', 'english', 'english']);
  });

  it('refuses a non-string', () => {
    for (const q of [42, null, undefined, { q: 'x' }, ['合作'], Symbol('q')]) {
      expect(() => parseQuery(q)).toThrow(QueryError);
    }
  });

  it('refuses an over-long query quickly, counting code points', () => {
    expect(() => parseQuery('合'.repeat(MAX_QUERY_CODE_POINTS + 1))).toThrow(QueryError);
    expect(() => parseQuery('𠀀'.repeat(MAX_QUERY_CODE_POINTS))).not.toThrow();
    const started = performance.now();
    expect(() => parseQuery('a'.repeat(10_000_000))).toThrow(/longer than 200/);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('recognises each kind of term', () => {
    const kinds = (q: string) => parseQuery(q).map((t) => [t.raw, t.kind]);
    expect(kinds('合作 關係 cooperation hé zuò he2zuo4 hezuo')).toEqual([
      ['合作', 'simplified'],
      ['關係', 'traditional'],
      ['cooperation', 'english'],
      ['hé zuò he2zuo4 hezuo', 'pinyin'],
    ]);
    expect(kinds('long')).toEqual([['long', 'english-or-pinyin']]);
    expect(kinds('G20 2026')).toEqual([
      ['G20', 'english'],
      ['2026', 'english'],
    ]);
  });

  it('joins neighbouring pinyin terms into one run of syllables, searched both ways when toneless', () => {
    const [term] = parseQuery('he zuo');
    expect(term?.kind).toBe('english-or-pinyin');
    expect(term?.alternatives).toEqual([
      [{ side: 'py', syllables: ['he', 'zuo'] }],
      [
        { side: 'en', words: ['he'], stems: ['he'], exact: false },
        { side: 'en', words: ['zuo'], stems: ['zuo'], exact: false },
      ],
    ]);
    expect(needles(parseQuery('hé zuò')[0])).toEqual([{ side: 'py', syllables: ['he', 'zuo'] }]);
    expect(parseQuery("Xi'an")[0]?.alternatives).toEqual([
      [{ side: 'py', syllables: ['xi', 'an'] }],
      [{ side: 'en', words: ['xi', 'an'], stems: ['xi', 'an'], exact: false }],
    ]);
  });

  it('ends a pinyin run at a word that is not pinyin, at punctuation and at a quote', () => {
    expect(parseQuery('strategic he zuo partner').map((t) => t.raw)).toEqual(['strategic', 'he zuo', 'partner']);
    expect(parseQuery('he , zuo').map((t) => t.raw)).toEqual(['he', 'zuo']);
    expect(parseQuery('he "zuo"').map((t) => [t.raw, t.quoted])).toEqual([
      ['he', false],
      ['zuo', true],
    ]);
  });

  it('reads a quoted phrase as one exact term', () => {
    const [en] = parseQuery('"Strategic  Partnerships"');
    expect(en).toMatchObject({ raw: 'Strategic  Partnerships', kind: 'english', quoted: true });
    expect(needles(en)).toEqual([
      { side: 'en', words: ['strategic', 'partnerships'], stems: ['strategic', 'partnerships'], exact: true },
    ]);
    const [zh] = parseQuery('“合作 共赢”');
    expect(zh).toMatchObject({ raw: '合作 共赢', kind: 'simplified', quoted: true });
    expect(parseQuery('「關係」')[0]).toMatchObject({ raw: '關係', kind: 'traditional', quoted: true });
    expect(parseQuery('"hé zuò"')[0]).toMatchObject({ kind: 'pinyin', quoted: true });
    expect(parseQuery('"he zuo"')[0]).toMatchObject({ kind: 'english', quoted: true });
  });

  it('runs an unclosed quote to the end and ignores empty quotes', () => {
    expect(parseQuery('合作 "strategic partner').map((t) => [t.raw, t.quoted])).toEqual([
      ['合作', false],
      ['strategic partner', true],
    ]);
    expect(parseQuery('"" " " "*"')).toEqual([]);
  });

  it('refuses lone surrogates', () => {
    expect(() => parseQuery('\uD840')).toThrow(QueryError);
    expect(() => parseQuery('合\uDC00')).toThrow(QueryError);
    expect(() => parseQuery('𠀀')).not.toThrow();
  });
});

describe('row 22.7f: invisible format characters inside a word', () => {
  it('row 22.7f: a zero-width space, joiner, word joiner, BOM or bidi mark inside 合作 leaves the one term 合作', () => {
    const plain = parseQuery('合作');
    for (const mark of [
      '\u200B',
      '\u200C',
      '\u200D',
      '\u2060',
      '\uFEFF',
      '\u200E',
      '\u200F',
      '\u202A',
      '\u202E',
      '\u2066',
      '\u2069',
      '\u00AD',
    ]) {
      const terms = parseQuery(`合${mark}作`);
      expect(
        terms.map((t) => t.raw),
        `U+${mark.codePointAt(0)!.toString(16)}`,
      ).toEqual(['合作']);
      expect(terms).toEqual(plain);
    }
    // In English too: co\u00ADoperation (a soft hyphen) is cooperation.
    expect(parseQuery('co\u00ADoperation').map((t) => t.raw)).toEqual(['cooperation']);
  });
});
