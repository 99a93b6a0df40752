import { describe, expect, it } from 'vitest';
import { checkGlossBatchRequest, checkReaderGlossesRequest, checkReaderRequest } from './reader-input';

describe('checkReaderRequest', () => {
  it('reads a document and a range', () => {
    expect(checkReaderRequest('?doc=abc-1&from=3&to=9')).toEqual({ ok: true, value: { doc: 'abc-1', from: 3, to: 9 } });
    expect(checkReaderRequest('?doc=abc')).toEqual({ ok: true, value: { doc: 'abc', from: 0, to: undefined } });
  });

  it('reads the traditional standard to draw the pairs in', () => {
    expect(checkReaderRequest('?doc=abc&script=hk')).toEqual({
      ok: true,
      value: { doc: 'abc', from: 0, to: undefined, script: 'hk' },
    });
    expect(checkReaderRequest('?doc=abc&from=2&to=4&script=tw')).toEqual({
      ok: true,
      value: { doc: 'abc', from: 2, to: 4, script: 'tw' },
    });
  });

  it('refuses what is not a request for pairs', () => {
    for (const search of [
      '',
      '?from=1',
      '?doc=',
      '?doc=../etc',
      '?doc=ABC',
      '?doc=a&doc=b',
      '?doc=a&from=-1',
      '?doc=a&from=1.5',
      '?doc=a&from=5&to=2',
      '?doc=a&to=x',
      '?doc=%E4%B8',
      '?doc=a&script=',
      '?doc=a&script=s2t',
      '?doc=a&script=__proto__',
      '?doc=a&script=tw&script=hk',
    ]) {
      const checked = checkReaderRequest(search);
      expect(checked.ok, search).toBe(false);
      if (!checked.ok) expect(checked.status).toBe(400);
    }
  });
});

describe('checkReaderGlossesRequest', () => {
  it('needs one valid document id', () => {
    expect(checkReaderGlossesRequest('?doc=abc')).toEqual({ ok: true, value: 'abc' });
    expect(checkReaderGlossesRequest('?doc=a%00b').ok).toBe(false);
    expect(checkReaderGlossesRequest('').ok).toBe(false);
  });
});

describe('checkGlossBatchRequest', () => {
  it('reads a document and a range of at most the given pairs', () => {
    expect(checkGlossBatchRequest('?doc=abc-1&from=4&to=8', 16)).toEqual({
      ok: true,
      value: { doc: 'abc-1', from: 4, to: 8 },
    });
    expect(checkGlossBatchRequest('?doc=abc&from=0&to=16', 16).ok).toBe(true);
  });

  it.each([
    ['', 'no document'],
    ['?from=0&to=4', 'no document'],
    ['?doc=ABC&from=0&to=4', 'a malformed id'],
    ['?doc=../x&from=0&to=4', 'a path'],
    ['?doc=abc&to=4', 'no from'],
    ['?doc=abc&from=0', 'no to'],
    ['?doc=abc&from=4&to=4', 'an empty range'],
    ['?doc=abc&from=5&to=4', 'a reversed range'],
    ['?doc=abc&from=0&to=17', 'too many pairs'],
    ['?doc=abc&from=-1&to=4', 'a negative pair'],
    ['?doc=abc&from=0x1&to=4', 'not a number'],
    ['?doc=abc&from=0&from=1&to=4', 'a repeated parameter'],
  ])('refuses %s (%s) with a 400', (search) => {
    const checked = checkGlossBatchRequest(search, 16);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.status).toBe(400);
  });
});
