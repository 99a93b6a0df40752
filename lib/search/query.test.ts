import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CODE_POINTS, QueryError, parseQuery } from './query';

describe('parseQuery', () => {
  it('routes a term with Han characters to Chinese, others to English', () => {
    const terms = parseQuery('合作 Cooperation G20峰会');
    expect(terms.map((t) => [t.side, t.raw])).toEqual([
      ['zh', '合作'],
      ['en', 'Cooperation'],
      ['zh', 'G20峰会'],
    ]);
  });

  it('converts traditional terms and keeps the typed form as a second spelling', () => {
    const [term] = parseQuery('關係');
    expect(term?.side === 'zh' && term.forms.map((f) => f.folded)).toEqual(['关系', '關係']);
  });

  it('stems English words', () => {
    const [term] = parseQuery('Cooperating');
    expect(term?.side === 'en' && term.stems).toEqual(['cooper']);
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
    expect(parseQuery('<img src=x onerror=alert(1)>').map((t) => t.side)).toEqual(['en', 'en', 'en']);
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

  it('refuses lone surrogates', () => {
    expect(() => parseQuery('\uD840')).toThrow(QueryError);
    expect(() => parseQuery('合\uDC00')).toThrow(QueryError);
    expect(() => parseQuery('𠀀')).not.toThrow();
  });
});
