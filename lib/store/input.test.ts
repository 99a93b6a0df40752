import { describe, expect, it } from 'vitest';
import { codePointLength } from '../base/unicode';
import {
  checkGlossRequest,
  checkSearchQuery,
  checkSearchRequest,
  checkTerm,
  checkTermRequest,
  isDocId,
  parseQueryString,
} from './input';

describe('isDocId', () => {
  it.each(['2026-05-20-xi-putin-talks', 'a', 'x1-2'])('accepts %s', (id) => expect(isDocId(id)).toBe(true));
  it.each(['', '../x', '..%2Fx', 'A', 'a/b', 'a.json', 'a b', '__proto__', 'x'.repeat(129), 7, null, undefined])(
    'refuses %s',
    (id) => expect(isDocId(id)).toBe(false),
  );
});

describe('parseQueryString', () => {
  it('decodes + and percent-escapes and keeps repeats', () => {
    const parsed = parseQueryString('?q=%E5%90%88+%E4%BD%9C&q=b&x');
    expect(parsed.ok && [...parsed.value]).toEqual([
      ['q', ['合 作', 'b']],
      ['x', ['']],
    ]);
  });
  it.each(['?q=%E4%B8', '?q=%ED%A0%80', '?q=%', '?%ZZ=1'])('refuses broken encoding %s', (qs) => {
    const parsed = parseQueryString(qs);
    expect(parsed.ok).toBe(false);
  });
});

describe('checkSearchQuery', () => {
  it('trims and folds whitespace', () => {
    expect(checkSearchQuery('  合作 \t 关系 ')).toEqual({ ok: true, value: '合作 关系' });
  });
  it.each([
    [undefined, 'missing'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['a\u0000b', 'malformed'],
    ['\uD800', 'malformed'],
    ['a\uFFFD', 'malformed'],
    ['合'.repeat(201), 'too-long'],
    ['a'.repeat(100_000), 'too-long'],
  ])('refuses %j as %s', (q, reason) => {
    const checked = checkSearchQuery(q);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toBe(reason);
  });
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('𠀀𠀁')).toBe(2);
    expect(checkSearchQuery('𠀀'.repeat(200)).ok).toBe(true);
  });
});

describe('checkSearchRequest', () => {
  it('reads q, doc, limit and offset', () => {
    expect(checkSearchRequest('?q=%E5%90%88%E4%BD%9C&doc=a-b&limit=5&offset=10')).toEqual({
      ok: true,
      value: { q: '合作', doc: 'a-b', limit: 5, offset: 10 },
    });
    expect(checkSearchRequest('?q=x')).toEqual({ ok: true, value: { q: 'x', doc: undefined, limit: 20, offset: 0 } });
  });
  it.each([
    '',
    '?q=a&q=b',
    '?q[]=a',
    '?q=a&limit=0',
    '?q=a&limit=101',
    '?q=a&limit=1e2',
    '?q=a&offset=-1',
    '?q=a&doc=../x',
    '?q=a&doc=a&doc=b',
  ])('refuses %s with a 400', (qs) => {
    const checked = checkSearchRequest(qs);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.status).toBe(400);
  });
});

describe('checkGlossRequest', () => {
  it('takes the aligned English (`en`) as words only, of bounded length', () => {
    const w = encodeURIComponent('延期');
    expect(checkGlossRequest(`?w=${w}&en=Extend`)).toEqual({ ok: true, value: { word: '延期', aligned: 'Extend' } });
    expect(checkGlossRequest(`?w=${w}&en=two%20countries%E2%80%99`)).toMatchObject({
      ok: true,
      value: { aligned: 'two countries’' },
    });
    expect(checkGlossRequest(`?w=${w}&en=`)).toEqual({ ok: true, value: { word: '延期' } });
    for (const bad of ['%3Cscript%3E', 'a'.repeat(121), 'x&en=y', '%0A'])
      expect(checkGlossRequest(`?w=${w}&en=${bad}`).ok, bad).toBe(false);
  });
  const ctx = (text: string) => encodeURIComponent(text);
  it.each(['合作', '卡拉OK', '𠀀', 'constructor'])('accepts %s', (w) => {
    expect(checkGlossRequest(`?w=${encodeURIComponent(w)}`)).toEqual({ ok: true, value: { word: w } });
  });
  it.each([
    '',
    '?w=',
    '?w=a&w=b',
    `?w=${'合'.repeat(33)}`,
    '?w=1',
    '?w=__proto__',
    '?w=%3Cscript%3E',
    '?w=a%20b',
    '?w=%E4%B8',
  ])('refuses %s', (qs) => expect(checkGlossRequest(qs).ok).toBe(false));
  it('accepts the sentence around the word, with the word standing at "at"', () => {
    expect(checkGlossRequest(`?w=%E5%8F%8B%E5%A5%BD&ctx=${ctx('中俄 睦邻 友好 合作，2001 年')}&at=6`)).toEqual({
      ok: true,
      value: { word: '友好', context: { text: '中俄 睦邻 友好 合作，2001 年', at: 6 } },
    });
    // A word followed from the popover may run across the separators (睦邻友好 in "睦邻 友好").
    expect(checkGlossRequest(`?w=${ctx('睦邻友好')}&ctx=${ctx('中俄 睦邻 友好')}&at=3`).ok).toBe(true);
    expect(checkGlossRequest(`?w=${ctx('𠀁')}&ctx=${ctx('𠀀𠀁')}&at=1`).ok).toBe(true);
  });
  it('accepts the tapped character "c" when it is one of the word\'s characters in the context', () => {
    expect(checkGlossRequest(`?w=${ctx('人民大会堂')}&ctx=${ctx('在 北京 人民大会堂 同')}&at=5&c=6`)).toEqual({
      ok: true,
      value: { word: '人民大会堂', context: { text: '在 北京 人民大会堂 同', at: 5, char: 6 } },
    });
  });
  it.each([
    [`?w=${ctx('友好')}&ctx=${ctx('睦邻 友好')}`, 'missing'],
    [`?w=${ctx('友好')}&at=3`, 'missing'],
    [`?w=${ctx('友好')}&ctx=&at=0`, 'invalid'],
    [`?w=${ctx('友好')}&ctx=${ctx('睦邻 友好')}&at=2`, 'invalid'],
    [`?w=${ctx('友好')}&ctx=${ctx('睦邻 友好')}&at=99`, 'invalid'],
    [`?w=${ctx('友好')}&ctx=${ctx('睦邻 友好')}&at=-3`, 'invalid'],
    [`?w=${ctx('友好')}&ctx=${ctx('睦邻 友好')}&at=3.0`, 'invalid'],
    [`?w=${ctx('友好')}&ctx=${ctx('睦邻 友好')}&at=0x3`, 'invalid'],
    [`?w=${ctx('友好')}&ctx=${ctx('睦邻 友好')}&at=3&at=3`, 'repeated'],
    [`?w=${ctx('友好')}&ctx=a&ctx=b&at=3`, 'repeated'],
    [`?w=${ctx('友好')}&ctx=${ctx('友好'.repeat(70))}&at=0`, 'too-long'],
    [`?w=${ctx('友好')}&ctx=${'a'.repeat(100_000)}&at=0`, 'too-long'],
    [`?w=${ctx('友好')}&ctx=%E5%8F%8B%E5%A5%BD%00&at=0`, 'malformed'],
    [`?w=${ctx('友好')}&ctx=${ctx('友好\n')}&at=0`, 'malformed'],
    [`?w=${ctx('友好')}&ctx=%E5%8F%8B%E5%A5%BD%ED%A0%80&at=0`, 'malformed'],
    [`?w=${ctx('友好')}&ctx=%E5%8F%8B%E5%A5%BD%EF%BF%BD&at=0`, 'malformed'],
    [`?w=${ctx('友好')}&c=0`, 'missing'],
    [`?w=${ctx('友好')}&ctx=${ctx('睦邻 友好')}&at=3&c=0`, 'invalid'],
    [`?w=${ctx('友好')}&ctx=${ctx('睦邻 友好')}&at=3&c=5`, 'invalid'],
    [`?w=${ctx('友好')}&ctx=${ctx('睦邻 友好')}&at=3&c=x`, 'invalid'],
    [`?w=${ctx('友好')}&ctx=${ctx('睦邻 友好')}&at=3&c=3&c=4`, 'repeated'],
  ])('refuses %s as %s', (qs, reason) => {
    const checked = checkGlossRequest(qs);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect([checked.status, checked.reason]).toEqual([400, reason]);
  });
});

describe('checkTerm and checkTermRequest', () => {
  it('accepts Chinese terms, simplified or traditional', () => {
    expect(checkTerm('合作')).toEqual({ ok: true, value: '合作' });
    expect(checkTerm(' 關係 ')).toEqual({ ok: true, value: '關係' });
    expect(checkTerm('𠀀')).toEqual({ ok: true, value: '𠀀' });
  });

  it('refuses what is not a Chinese term, with a reason', () => {
    for (const bad of [
      '',
      '   ',
      'cooperation',
      '__proto__',
      'constructor',
      '*',
      '\\',
      '<script>',
      '合作 关系',
      '合\u0000作',
    ]) {
      expect(checkTerm(bad).ok, bad).toBe(false);
    }
    expect(checkTerm('\uD800')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(checkTerm('合'.repeat(17))).toMatchObject({ ok: false, reason: 'too-long' });
    expect(checkTerm('合'.repeat(100_000))).toMatchObject({ ok: false, reason: 'too-long' });
    expect(checkTerm(undefined)).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('reads one term and an optional line cap from the query string', () => {
    expect(checkTermRequest('?term=%E5%90%88%E4%BD%9C')).toEqual({ ok: true, value: { term: '合作', lines: 50 } });
    expect(checkTermRequest('?term=%E5%90%88%E4%BD%9C&lines=0')).toEqual({
      ok: true,
      value: { term: '合作', lines: 0 },
    });
    expect(checkTermRequest('?term=a&term=b')).toMatchObject({ ok: false, reason: 'repeated' });
    expect(checkTermRequest('?term=%E4%B8')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(checkTermRequest('?term=%ED%A0%80')).toMatchObject({ ok: false });
    expect(checkTermRequest('?term=%E5%90%88&lines=9999')).toMatchObject({ ok: false });
    expect(checkTermRequest('')).toMatchObject({ ok: false, reason: 'missing' });
  });
});
