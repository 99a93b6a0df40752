import { describe, expect, it } from 'vitest';
import { sandhiReadings, type ReadWord } from './sandhi';

const w = (text: string, pinyin: string): ReadWord => ({ text, pinyin });

describe('sandhiReadings', () => {
  it('reads 不 as bú before a fourth tone, inside a word and across words', () => {
    expect(sandhiReadings([w('不断', 'bù duàn')])).toEqual(['bú duàn']);
    expect(sandhiReadings([w('不', 'bù'), w('对', 'duì')])).toEqual(['bú', 'duì']);
    expect(sandhiReadings([w('不', 'bù'), w('好', 'hǎo')])).toEqual(['bù', 'hǎo']);
    expect(sandhiReadings([w('对不起', 'duì bu qǐ')])).toEqual(['duì bu qǐ']);
  });

  it('reads 一 as yí before a fourth tone and yì before the others', () => {
    expect(sandhiReadings([w('一个', 'yī ge')])).toEqual(['yí ge']);
    expect(sandhiReadings([w('一些', 'yī xiē'), w('国家', 'guó jiā')])).toEqual(['yì xiē', 'guó jiā']);
    expect(sandhiReadings([w('一起', 'yī qǐ')])).toEqual(['yì qǐ']);
    expect(sandhiReadings([w('一', 'yī'), w('年', 'nián')])).toEqual(['yì', 'nián']);
    expect(sandhiReadings([w('一带一路', 'yī dài yī lù')])).toEqual(['yí dài yí lù']);
  });

  it('keeps yī when counted, ordered, at the end of a word or before nothing', () => {
    expect(sandhiReadings([w('第一', 'dì yī'), w('次', 'cì')])).toEqual(['dì yī', 'cì']);
    expect(sandhiReadings([w('第', 'dì'), w('一', 'yī'), w('次', 'cì')])).toEqual(['dì', 'yī', 'cì']);
    expect(sandhiReadings([w('十一', 'shí yī'), w('月', 'yuè')])).toEqual(['shí yī', 'yuè']);
    expect(sandhiReadings([w('一月', 'yī yuè')])).toEqual(['yī yuè']);
    expect(sandhiReadings([w('统一', 'tǒng yī'), w('思想', 'sī xiǎng')])).toEqual(['tǒng yī', 'sī xiǎng']);
    expect(sandhiReadings([w('之一', 'zhī yī'), w('是', 'shì')])).toEqual(['zhī yī', 'shì']);
    expect(sandhiReadings([w('一', 'yī'), '。' as unknown as ReadWord].filter((x) => typeof x !== 'string'))).toEqual([
      'yī',
    ]);
    expect(sandhiReadings([w('一', 'yī'), w('。', ''), w('定', 'dìng')])).toEqual(['yī', '', 'dìng']);
  });

  it('leaves words whose syllables do not line up, and an empty sentence', () => {
    expect(sandhiReadings([w('卡拉OK', 'kǎ lā O K')])).toEqual(['kǎ lā O K']);
    expect(sandhiReadings([w('不断', 'bù')])).toEqual(['bù']);
    expect(sandhiReadings([])).toEqual([]);
  });
});
