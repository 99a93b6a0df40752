import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { DetectError, detectEncoding, detectVariant } from './detect';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../tests/fixtures/formats/${name}`, import.meta.url)));
const corpus = (p: string) => readFileSync(new URL(`../../corpus/${p}`, import.meta.url), 'utf8');

describe('detectEncoding', () => {
  it('finds GB18030, Big5 and UTF-8 with their confidence, verified by the strict decoder', () => {
    expect(detectEncoding('a', fixture('simplified.gb18030.txt'))).toMatchObject({
      encoding: 'gb18030',
      confidence: 100,
    });
    expect(detectEncoding('b', fixture('traditional-hk.big5.txt'))).toMatchObject({
      encoding: 'big5',
      confidence: 100,
    });
    expect(detectEncoding('c', new TextEncoder().encode(corpus('2026-05-20-xi-putin-talks/source.txt')))).toMatchObject(
      { encoding: 'utf-8' },
    );
  });

  it('refuses a short text it is unsure of, listing the candidates and asking for --encoding', () => {
    expect(() => detectEncoding('short.txt', fixture('short.gb18030.txt'))).toThrow(DetectError);
    expect(() => detectEncoding('short.txt', fixture('short.gb18030.txt'))).toThrow(
      /short\.txt: not sure of the encoding: .*% confidence, below 50% \(candidates: .*\); name it with --encoding/,
    );
  });

  it('refuses a confident guess that the strict decoder rejects', () => {
    // Valid GB18030 prose with one byte cut off the end: chardet still says GB18030, decode() does not.
    const bytes = fixture('simplified.gb18030.txt');
    const cut = bytes.subarray(0, bytes.length - 2);
    expect(() => detectEncoding('cut.txt', cut)).toThrow(
      /cut\.txt.*(ends in the middle of a character|invalid).*does not decode cleanly.*--encoding/,
    );
  });
});

describe('detectVariant', () => {
  it('simplified text: no traditional-only characters', () => {
    const found = detectVariant(corpus('2026-05-20-xi-putin-talks/source.txt'));
    expect(found.variant).toBe('simplified');
    expect(found.evidence).toMatch(/^0% of \d+ Han characters are traditional-only/);
  });

  it('a Hong Kong newspaper (Ta Kung Pao): traditional, with Hong Kong forms (着 裏)', () => {
    const found = detectVariant(corpus('2025-05-08-takungpao-moscow-talks/source.txt'));
    expect(found.variant).toBe('traditional-HK');
    expect(found.evidence).toMatch(/Hong Kong forms [1-9]\d* \([^)]*[着裏]/);
  });

  it('the same simplified text converted by OpenCC to Taiwan and to Hong Kong standard forms is told apart', () => {
    const text = corpus('2024-12-ciis-report-new-era/source.md').slice(0, 20_000);
    expect(detectVariant(OpenCC.Converter({ from: 'cn', to: 'tw' })(text)).variant).toBe('traditional-TW');
    expect(detectVariant(OpenCC.Converter({ from: 'cn', to: 'hk' })(text)).variant).toBe('traditional-HK');
  });

  it('traditional text without Hong Kong forms defaults to traditional-TW and says so', () => {
    const found = detectVariant('兩國元首舉行會談，雙方同意深化經貿合作與人文交流。');
    expect(found).toMatchObject({ variant: 'traditional-TW' });
    expect(found.evidence).toMatch(/no clear Hong Kong forms, so traditional-TW by default/);
  });

  it('too few Han characters to tell: simplified, and it says so', () => {
    expect(detectVariant('Hello 你好').evidence).toMatch(/too few to tell/);
  });
});
