import { describe, expect, it } from 'vitest';
import type { BuiltDoc, Word } from '../model';
import { readerLinks } from './word-links';

const w = (text: string): Word => ({ original: text, simplified: text, pinyin: '', key: null });

/** One pair, one bead: 两国 合作 ， 延期 。 / "The two countries cooperate, extended." */
const doc: Pick<BuiltDoc, 'zh' | 'en' | 'pairs'> = {
  zh: [
    {
      kind: 'paragraph',
      text: '两国合作，延期。',
      original: '两国合作，延期。',
      simplified: '两国合作，延期。',
      sentences: [
        {
          original: '两国合作，延期。',
          simplified: '两国合作，延期。',
          words: ['两国', '合作', '，', '延期', '。'].map(w),
        },
      ],
    },
  ],
  en: [
    {
      kind: 'paragraph',
      text: 'The two countries cooperate, extended.',
      sentences: ['The two countries cooperate, extended.'],
    },
  ],
  pairs: [
    {
      id: 0,
      zh: [0],
      en: [0],
      confidence: 1,
      unaligned: false,
      lowConfidence: false,
      sentences: [{ zh: [0], en: [0], confidence: 1 }],
    },
  ],
};

describe('readerLinks', () => {
  it('gives links by Han word ordinal, English sentence and offsets, neighbouring tokens as one span', () => {
    // the(0) two(1) countries(2) cooperate(3) ,(4) extended(5) .(6)
    const links = readerLinks(doc, [['0-1 0-2 1-3 2-4 3-5 4-6']]);
    const text = doc.en[0]!.sentences[0]!;
    const spans = links[0]![0]!;
    const out: Array<[number, string]> = [];
    for (let k = 0; k < spans.length; k += 4) out.push([spans[k]!, text.slice(spans[k + 2], spans[k + 3])]);
    // 延期 is the third Han word (the comma has no `.w`), and marks are never linked.
    expect(out).toEqual([
      [0, 'two countries'],
      [1, 'cooperate'],
      [2, 'extended'],
    ]);
  });

  it('leaves out pairs without links', () => {
    expect(readerLinks(doc, [['']])).toEqual({});
    expect(readerLinks(doc, [])).toEqual({});
  });
});
