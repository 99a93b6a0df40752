import { describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import type { Bead } from '../model';
import { Aligner } from './aligner';
import { formatBead } from './score';
import { alignSoftly, softUnits } from './soft-splits';

const aligner = new Aligner(loadCedict());
const beads = (zh: string[], en: string[]) => alignSoftly(aligner, zh, en).map(formatBead);

/** Every sentence of both sides exactly once, in order: the contract of `duizhao align` and the build. */
function coversOnceInOrder(result: Bead[], zhCount: number, enCount: number): boolean {
  const zh = result.flatMap((b) => b.zh);
  const en = result.flatMap((b) => b.en);
  return zh.join() === [...Array(zhCount).keys()].join() && en.join() === [...Array(enCount).keys()].join();
}

describe('softUnits', () => {
  it('joins a sentence to the one before it when that one ends with "；", not after a closed quotation', () => {
    expect(softUnits(['一是合作；', '二是发展；', '三是安全。', '“好。”', '他说。', '完。'])).toEqual([
      [0, 1, 2],
      [3],
      [4],
      [5],
    ]);
    expect(softUnits([])).toEqual([]);
  });
});

describe('alignSoftly', () => {
  it('keeps the clauses of a "；" list in the bead of the one English sentence that lists them', () => {
    const zh = [
      '主要方向包括扩大贸易规模；',
      '发展互联互通；',
      '提升金融合作水平；',
      '巩固能源合作；',
      '提升农业合作水平。',
      '该文件为未来合作指明了方向。',
    ];
    const en = [
      'The main directions include expanding the scale of trade; developing connectivity; raising the level of financial cooperation; consolidating energy cooperation; raising the level of agricultural cooperation.',
      'The document points the way for future cooperation.',
    ];
    expect(beads(zh, en)).toEqual(['[0, 1, 2, 3, 4]:[0]', '[5]:[1]']);
  });

  it('keeps a two-clause compound sentence as the aligner cut it (translators re-cut those)', () => {
    const zh = ['她感到十分难堪，恨不得这一切早点结束；', '她还认为化妆师也想早点结束。'];
    const en = [
      'She felt embarrassed and wanted it all to end soon.',
      'She thought the makeup man wanted to finish soon too.',
    ];
    expect(alignSoftly(aligner, zh, en)).toEqual(aligner.align(zh, en));
  });

  it('cuts at "；" where the English cuts too', () => {
    const zh = ['双方要加强经贸合作；', '要加强人文交流；', '要深化多边协作。'];
    const en = [
      'The two sides should strengthen economic and trade cooperation.',
      'They should strengthen people-to-people exchanges.',
      'They should deepen multilateral coordination.',
    ];
    expect(beads(zh, en)).toEqual(['[0]:[0]', '[1]:[1]', '[2]:[2]']);
  });

  it('aligns a text without soft boundaries exactly as the aligner does', () => {
    const zh = ['两国元首在北京举行会谈。', '双方同意加强经济合作。'];
    const en = [
      'The two heads of state held talks in Beijing.',
      'The two sides agreed to strengthen economic cooperation.',
    ];
    expect(alignSoftly(aligner, zh, en)).toEqual(aligner.align(zh, en));
  });

  it('covers every sentence of both sides once, in order, whatever the texts (property)', () => {
    const clauses = ['扩大贸易；', '发展互联互通；', '“合作共赢。”', '他说。', '提升金融合作水平。', '巩固能源合作；'];
    const english = [
      'Trade grows.',
      'Connectivity develops; finance improves.',
      '"Win-win," he said.',
      'Energy is consolidated.',
    ];
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 40; round++) {
      const zh = Array.from(
        { length: Math.floor(random() * 9) },
        () => clauses[Math.floor(random() * clauses.length)]!,
      );
      const en = Array.from(
        { length: Math.floor(random() * 7) },
        () => english[Math.floor(random() * english.length)]!,
      );
      const result = alignSoftly(aligner, zh, en);
      expect(coversOnceInOrder(result, zh.length, en.length), JSON.stringify({ zh, en, result })).toBe(true);
      expect(result.every((b) => b.zh.length + b.en.length > 0)).toBe(true);
    }
  });
});
