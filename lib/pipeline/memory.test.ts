import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DecodedText } from '../model';
import { MEMORY_MAX_BYTES, MemoryError, parseMemory, tagVariant } from './memory';

const fixture = (name: string, format: 'tmx' | 'xliff'): DecodedText => ({
  path: `fixtures/${name}`,
  text: readFileSync(new URL(`../../tests/fixtures/formats/${name}`, import.meta.url), 'utf8'),
  format,
});
const tmx = (
  body: string,
  text = `<?xml version="1.0"?><tmx version="1.4"><header srclang="zh"/><body>${body}</body></tmx>`,
): DecodedText => ({ path: 'm.tmx', text, format: 'tmx' });

describe('TMX 1.4b', () => {
  it('reads each unit as a Chinese and an English paragraph, whichever side is the source', () => {
    const memory = parseMemory(fixture('units.tmx', 'tmx'), 'simplified');
    expect(memory).toEqual({
      zhLang: 'zh-CN',
      enLang: 'en-GB',
      units: [
        // Native codes (<bpt>&lt;b&gt;</bpt>) are markup of the original file, not text; &amp; is decoded.
        {
          zh: '习近平同普京举行会谈。双方同意深化合作。',
          en: 'Xi & Putin held talks. They agreed to deepen cooperation.',
        },
        // A unit without English stays, untranslated; the French side is ignored.
        { zh: '没有译文的句子。', en: '' },
        { zh: '中俄睦邻友好。', en: 'Good-neighbourliness and friendship.' },
      ],
    });
  });

  it('of several Chinese variants, takes the one the document is declared in', () => {
    const units = parseMemory(fixture('units.tmx', 'tmx'), 'traditional-HK').units;
    expect(units[2]?.zh).toBe('中俄睦鄰友好。');
    expect(units[0]?.zh).toBe('习近平同普京举行会谈。双方同意深化合作。'); // only zh-CN there
  });

  it('a memory without both sides is a clear error naming the file and the languages found', () => {
    expect(() =>
      parseMemory(
        tmx('<tu><tuv xml:lang="zh-CN"><seg>中文。</seg></tuv><tuv xml:lang="fr"><seg>Français.</seg></tuv></tu>'),
        'simplified',
      ),
    ).toThrow(/m\.tmx: no English \(en, en-GB…\) side.*languages found: zh-CN, fr/);
    expect(() =>
      parseMemory(
        tmx('<tu><tuv xml:lang="ja"><seg>日本語。</seg></tuv><tuv xml:lang="en"><seg>Japanese.</seg></tuv></tu>'),
        'simplified',
      ),
    ).toThrow(/no Chinese .* side/);
  });

  it('hostile input: entity declarations, malformed XML, another root, oversize, deep nesting', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><tmx version="1.4"><body><tu><tuv xml:lang="zh"><seg>&b;</seg></tuv></tu></body></tmx>';
    expect(() => parseMemory(tmx('', laughs), 'simplified')).toThrow(/entity declarations .* refused/);
    const external = '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tmx><body/></tmx>';
    expect(() => parseMemory(tmx('', external), 'simplified')).toThrow(MemoryError);
    expect(() => parseMemory(tmx('<tu><tuv xml:lang="zh"><seg>未闭合</tuv></tu>'), 'simplified')).toThrow(
      /m\.tmx: not well-formed XML: .*line 1/,
    );
    expect(() => parseMemory(tmx('', '<html><body>x</body></html>'), 'simplified')).toThrow(
      /not a TMX file \(root element <html>/,
    );
    expect(() =>
      parseMemory(
        tmx(`<tu><tuv xml:lang="zh"><seg>${'汉'.repeat(MEMORY_MAX_BYTES / 3 + 1)}</seg></tuv></tu>`),
        'simplified',
      ),
    ).toThrow(/byte limit/);
    expect(() =>
      parseMemory(
        tmx(`<tu><tuv xml:lang="zh"><seg>${'<hi>'.repeat(200)}深${'</hi>'.repeat(200)}</seg></tuv></tu>`),
        'simplified',
      ),
    ).toThrow(/nested more than/);
  });

  it('a DOCTYPE naming the DTD is read past, never fetched', () => {
    const text =
      '<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/tmx14.dtd"><tmx version="1.4"><body><tu><tuv xml:lang="zh"><seg>合作。</seg></tuv><tuv xml:lang="en"><seg>Cooperation.</seg></tuv></tu></body></tmx>';
    expect(parseMemory(tmx('', text), 'simplified').units).toEqual([{ zh: '合作。', en: 'Cooperation.' }]);
  });
});

describe('XLIFF', () => {
  it('1.2: languages from <file>, units through groups, inline <g> read through, <x/> dropped', () => {
    expect(parseMemory(fixture('units-1.2.xlf', 'xliff'), 'simplified')).toEqual({
      zhLang: 'zh-Hans',
      enLang: 'en-US',
      units: [
        { zh: '两国元首举行会谈。', en: 'The two heads of state held talks.' },
        { zh: '双方同意深化合作。', en: 'Both sides agreed to deepen cooperation.' },
        { zh: '尚未翻译。', en: '' },
      ],
    });
  });

  it('2.0: Chinese as the target, segments of a unit joined, <cp> decoded to its character', () => {
    expect(parseMemory(fixture('units-2.0.xlf', 'xliff'), 'traditional-TW')).toEqual({
      zhLang: 'zh-TW',
      enLang: 'en',
      units: [
        { zh: '台北是一座城市。那裡有許多廟宇。', en: 'Taipei is a city. It has many temples.' },
        { zh: '一個字𠀀。', en: 'A character 𠀀.' },
      ],
    });
  });
});

describe('language tags', () => {
  it('maps Chinese tags to script variants', () => {
    expect(
      ['zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh-TW', 'zh-Hant', 'zh-HK', 'zh_MO', 'zh-Hant-HK'].map(tagVariant),
    ).toEqual([
      undefined,
      'simplified',
      'simplified',
      'simplified',
      'traditional-TW',
      'traditional-TW',
      'traditional-HK',
      'traditional-HK',
      'traditional-HK',
    ]);
  });
});
