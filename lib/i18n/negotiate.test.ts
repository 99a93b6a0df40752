import { describe, expect, it } from 'vitest';
import { chineseScriptOf, normaliseAcceptLanguage } from './negotiate';

describe('chineseScriptOf', () => {
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-Hans-TW', 'zh-Hans'],
    ['en-US', null],
    ['', null],
  ])('%s → %s', (tag, script) => {
    expect(chineseScriptOf(tag)).toBe(script);
  });
});

describe('normaliseAcceptLanguage', () => {
  it('keeps q-values and non-Chinese ranges', () => {
    expect(normaliseAcceptLanguage('en-GB,en;q=0.9,zh-TW;q=0.8')).toBe('en-GB,en;q=0.9,zh-Hant;q=0.8');
  });
  it('reads a bare zh after a Hong Kong tag as traditional', () => {
    expect(normaliseAcceptLanguage('zh-HK,zh;q=0.9')).toBe('zh-Hant,zh-Hant;q=0.9');
  });
  it('maps mainland and bare Chinese to simplified', () => {
    expect(normaliseAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-Hans,zh-Hans;q=0.9,en;q=0.8');
  });
  it('drops an absurdly long header rather than parsing it', () => {
    expect(normaliseAcceptLanguage('zh,'.repeat(1000))).toBe('');
  });
});
