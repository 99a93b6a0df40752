import { describe, expect, it } from 'vitest';
import { CHUNK, convertBlocks, converterFor, convertText } from './convert';

describe('convert', () => {
  it('converts HK traditional to mainland simplified and keeps the original', () => {
    const [block] = convertBlocks([{ kind: 'paragraph', text: '中俄關係發展注入新的動能' }], 'traditional-HK');
    expect(block?.simplified).toBe('中俄关系发展注入新的动能');
    expect(block?.original).toBe('中俄關係發展注入新的動能');
  });

  it('never localises vocabulary the way the twp converter does', () => {
    const tw = converterFor('traditional-TW');
    expect(tw('建立文件核心')).toBe('建立文件核心');
  });

  it('leaves simplified text alone', () => {
    expect(converterFor('simplified')('关系 關係')).toBe('关系 關係');
  });

  it('row 12: when conversion changes length, both strings are carried, no offsets mapped', () => {
    // 乾隆 keeps 乾 but 乾燥 becomes 干燥: phrase-level conversion; the block carries both forms.
    const [block] = convertBlocks([{ kind: 'paragraph', text: '𠀀乾燥' }], 'traditional-HK');
    expect(block?.original).toBe('𠀀乾燥');
    expect(block?.simplified).toBe('𠀀干燥');
  });

  it('row 8: long text is converted in chunks cut at sentence ends, never mid-phrase', () => {
    const hk = converterFor('traditional-HK');
    // A phrase that straddles the raw chunk edge must still convert as a phrase.
    const filler = '國'.repeat(CHUNK - 3);
    const text = `${filler}。${'乾燥'.repeat(10)}${'國'.repeat(CHUNK)}`;
    const out = convertText(text, hk);
    expect(out).toBe(hk(text));
    expect(out.length).toBe(text.length);
  });
});
