import { describe, expect, it } from 'vitest';
import { titleScripts } from './reader';

describe('titleScripts', () => {
  it('gives a traditional title in simplified characters and in both traditional standards', () => {
    // From the simplified form, as the text is drawn: OpenCC writes 百鍊 where the source has 百煉.
    expect(titleScripts('習近平：中俄世代友好 做百煉成鋼真朋友')).toEqual({
      simplified: '习近平：中俄世代友好 做百炼成钢真朋友',
      tw: '習近平：中俄世代友好 做百鍊成鋼真朋友',
      hk: '習近平：中俄世代友好 做百鍊成鋼真朋友',
    });
  });

  it('gives a simplified title in Taiwan and Hong Kong characters, which differ where the standards do', () => {
    const scripts = titleScripts('两国元首一致同意《中俄睦邻友好合作条约》继续延期');
    expect(scripts.simplified).toBe('两国元首一致同意《中俄睦邻友好合作条约》继续延期');
    expect(scripts.tw).toBe('兩國元首一致同意《中俄睦鄰友好合作條約》繼續延期');
    expect(titleScripts('他看着我').tw).toBe('他看著我');
    expect(titleScripts('他看着我').hk).toBe('他看着我');
  });
});
