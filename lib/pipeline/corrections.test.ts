import { describe, expect, it } from 'vitest';
import {
  applicableCorrections,
  blocksFingerprint,
  correctionsText,
  parseCorrections,
  type AlignmentCorrections,
} from './corrections';

const zh = ['第一段。', '第二段。', '第三段。'];
const en = ['First.', 'Second.'];
const good: AlignmentCorrections = {
  version: 1,
  zh: blocksFingerprint(zh),
  en: blocksFingerprint(en),
  pairs: [
    { zh: [0, 1], en: [0] },
    { zh: [2], en: [1] },
  ],
};

describe('alignment.json', () => {
  it('round-trips through its text', () => {
    expect(parseCorrections(JSON.parse(correctionsText(good)), 'a.json')).toEqual(good);
  });

  it('fingerprints tell block boundaries apart, not just the text', () => {
    expect(blocksFingerprint(['ab', 'c']).sha256).not.toBe(blocksFingerprint(['a', 'bc']).sha256);
    expect(blocksFingerprint(['ab', 'c'])).toEqual(blocksFingerprint(['ab', 'c']));
  });

  it('refuses a malformed file with its name and the problem', () => {
    const bad = (v: unknown) => () => parseCorrections(v, 'corpus/x/alignment.json');
    expect(bad([])).toThrow(/corpus\/x\/alignment\.json: not a JSON object/);
    expect(bad({ ...good, version: 2 })).toThrow(/"version" must be 1/);
    expect(bad({ ...good, zh: { count: 3, sha256: 'abc' } })).toThrow(/"zh" must be/);
    expect(
      bad({
        ...good,
        pairs: [
          { zh: [0, 1], en: [0] },
          { zh: [2], en: ['1'] },
        ],
      }),
    ).toThrow(/pair 2 must be/);
    expect(
      bad({
        ...good,
        pairs: [
          { zh: [0, 1], en: [0] },
          { zh: [2], en: [-1] },
        ],
      }),
    ).toThrow(/pair 2 must be/);
    // The same rules as the aligner's given pairs: every block once, in order, no empty pair.
    expect(
      bad({
        ...good,
        pairs: [
          { zh: [0], en: [0] },
          { zh: [2], en: [1] },
        ],
      }),
    ).toThrow(/out of order/);
    expect(bad({ ...good, pairs: [{ zh: [0, 1], en: [0] }] })).toThrow(/cover 2 of 3 Chinese/);
    expect(bad({ ...good, pairs: [{ zh: [], en: [] }, ...good.pairs] })).toThrow(/pair 1 is empty/);
    expect(bad({ ...good, pairs: { __proto__: [] } })).toThrow(/"pairs" must be a list/);
  });

  it('applies only to the blocks it was made on, and says which side changed', () => {
    expect(applicableCorrections(good, zh, en, 'doc')).toEqual({ pairs: good.pairs });
    const edited = applicableCorrections(good, zh, ['First!', 'Second.'], 'doc');
    expect(edited).toEqual({
      warning: expect.stringMatching(/^doc: alignment\.json was made on other text \(the translation changed/),
    });
    const both = applicableCorrections(good, [...zh, '新段。'], en.slice(1), 'doc');
    expect('warning' in both && both.warning).toMatch(
      /the Chinese source and the translation changed since: 3→4 Chinese, 2→1 English/,
    );
  });
});
