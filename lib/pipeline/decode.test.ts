import { describe, expect, it } from 'vitest';
import type { RawFile } from '../model';
import { decode, DecodeError } from './decode';

const utf8 = (s: string) => new TextEncoder().encode(s);
const file = (bytes: Uint8Array, encoding = 'utf-8'): RawFile => ({
  path: 'corpus/x/source.txt',
  bytes,
  encoding,
  format: 'text',
});
const PROSE =
  '中俄关系处于历史最好时期。两国元首就双边关系和共同关心的国际地区问题深入交换意见，引领新时代中俄关系进一步向前发展。';

function decodeError(f: RawFile): DecodeError {
  try {
    decode(f);
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error('expected a DecodeError');
}

describe('decode', () => {
  it('decodes UTF-8 prose unchanged', () => {
    expect(decode(file(utf8(PROSE))).text).toBe(PROSE);
  });

  it('row 1: GB18030 bytes declared as UTF-8 fail with the file and byte offset', () => {
    // 中俄 in GBK, after four ASCII bytes: the first invalid byte is at offset 4 or 5.
    const bytes = new Uint8Array([0x61, 0x62, 0x63, 0x64, 0xd6, 0xd0, 0xb6, 0xed]);
    const e = decodeError(file(bytes));
    expect(e.path).toBe('corpus/x/source.txt');
    expect(e.byteOffset).toBeGreaterThanOrEqual(4);
    expect(e.byteOffset).toBeLessThanOrEqual(5);
    expect(e.message).toMatch(/corpus\/x\/source\.txt \(byte [45]\)/);
  });

  it('row 2: Big5 declared as GB18030 decodes but fails the plausibility check', () => {
    // Node has no Big5 encoder, so these are the Big5 bytes of 中國關係發展 (A4A4 B0EA C3F6 AB59
    // B56F AE69), repeated: read as GB18030 they are valid but nonsense.
    const big5 = new Uint8Array(
      Array.from({ length: 60 }, () => [0xa4, 0xa4, 0xb0, 0xea, 0xc3, 0xf6, 0xab, 0x59, 0xb5, 0x6f, 0xae, 0x69]).flat(),
    );
    const asGb = new TextDecoder('gb18030').decode(big5);
    expect(asGb).not.toContain('\uFFFD'); // it really does decode "successfully"
    expect(decodeError(file(big5, 'gb18030')).message).toMatch(/declared encoding is probably wrong/);
  });

  it('row 3: a UTF-8 BOM is stripped: same text as without it', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(PROSE)]);
    expect(decode(file(withBom)).text).toBe(decode(file(utf8(PROSE))).text);
  });

  it('row 4: UTF-16LE with a BOM decodes correctly', () => {
    const units = [0xfeff, ...[...PROSE].map((c) => c.charCodeAt(0))];
    const bytes = new Uint8Array(units.flatMap((u) => [u & 0xff, u >> 8]));
    expect(decode(file(bytes, 'utf-16le')).text).toBe(PROSE);
  });

  it('row 5: CRLF and lone CR become LF', () => {
    expect(decode(file(utf8(`${PROSE}\r\n\r\n${PROSE}\r${PROSE}`))).text).toBe(`${PROSE}\n\n${PROSE}\n${PROSE}`);
  });

  it('row 6: NUL and other C0 controls are rejected with line and column', () => {
    expect(decodeError(file(utf8(`${PROSE}\n中俄\u0000关系`))).message).toMatch(/U\+0000 at line 2, column 3/);
    expect(decodeError(file(utf8(`ab\u0007`))).message).toMatch(/U\+0007 at line 1, column 3/);
  });

  it('row 7: a multibyte character cut off at the end is an error, never U+FFFD', () => {
    const bytes = utf8(PROSE).subarray(0, utf8(PROSE).length - 1);
    const e = decodeError(file(bytes));
    expect(e.message).toMatch(/ends in the middle of a character/);
    expect(e.byteOffset).toBe(bytes.length);
  });

  it('row 8: a 50 MB single line decodes', () => {
    const line = PROSE.repeat(Math.ceil((50 * 1024 * 1024) / utf8(PROSE).length));
    const out = decode(file(utf8(line)));
    expect(out.text.length).toBe(line.length);
  });

  it('row 9: an empty or whitespace-only file is a clear "no text" error', () => {
    expect(decodeError(file(new Uint8Array()))).toBeInstanceOf(DecodeError);
    expect(decodeError(file(utf8(' \n\u3000\n'))).message).toMatch(/no text/);
  });

  it('row 11: Extension-B, emoji, variation selectors and Latin text survive', () => {
    const text = `${PROSE}𠀀😀葛\u{E0100} Latin text`;
    expect(decode(file(utf8(text))).text).toBe(text);
  });

  it('refuses an unknown encoding by name', () => {
    expect(decodeError(file(utf8(PROSE), 'ebcdic')).message).toMatch(/unsupported encoding "ebcdic"/);
  });
});
