import { describe, expect, it } from 'vitest';
import { clean } from './clean';
import { spacedCells, spacedTables } from './clean-table';

const TRADE = [
  '年份      贸易额（亿美元）    增长',
  '2020          1078.5       -2.9%',
  '2021          1468.7       35.8%',
  '2022                       29.3%',
];

describe('tables set with spaces', () => {
  it('cells are parted by two spaces or more, a tab or an ideographic space; one space stays inside a cell', () => {
    expect(spacedCells('Page 3 of 9').map((c) => c.text)).toEqual([]);
    expect(spacedCells('中俄世代友好 做百煉成鋼真朋友')).toEqual([]);
    expect(spacedCells('协定名称\u3000\u3000签署时间').map((c) => c.text)).toEqual(['协定名称', '签署时间']);
    expect(spacedCells('　　平指  235   -35.4').map((c) => [c.text, c.start])).toEqual([
      ['平指', 4],
      ['235', 10],
      ['-35.4', 16],
    ]);
  });

  it('figures set flush right fall in their column, and a missing figure is an empty cell', () => {
    expect(spacedTables(TRADE)).toEqual([
      {
        from: 0,
        to: 4,
        rows: [
          ['年份', '贸易额（亿美元）', '增长'],
          ['2020', '1078.5', '-2.9%'],
          ['2021', '1468.7', '35.8%'],
          ['2022', '', '29.3%'],
        ],
        headerRows: 1,
      },
    ]);
  });

  it('a running header glued on above a table is no row of it', () => {
    // Its page number falls across the table's first column: that line cannot be a row.
    const tables = spacedTables(['国际问题研究报告  155', ...TRADE.map((l) => `  ${l}`)]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.from).toBe(1);
    expect(tables[0]!.rows[0]).toEqual(['年份', '贸易额（亿美元）', '增长']);
  });

  it('lines of prose are no table: a long run, a finished sentence, or gaps that do not line up', () => {
    expect(
      spacedTables([
        '他们晚上转回，叫号如狗，围城绕行。  他们口中喷吐恶言，嘴里有刀，他们说有谁听见。',
        '但你耶和华必笑话他们。  你要嗤笑万邦。',
      ]),
    ).toEqual([]);
    expect(spacedTables(['甲  乙', '丙丁戊己庚辛  壬'])).toEqual([]);
    // One row alone is a line with a gap, not a table.
    expect(spacedTables(['年度报告    3'])).toEqual([]);
  });

  it('the cleaner keeps such a table as a table block between its paragraphs', () => {
    const text = ['　　两国贸易近年增长很快，下表列出历年的数字。', '', ...TRADE, '', '　　此后贸易继续增长。'].join(
      '\n',
    );
    const blocks = clean({ path: 't.txt', text, format: 'text' }).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(blocks[1]).toMatchObject({ headerRows: 1, rows: expect.arrayContaining([['2022', '', '29.3%']]) });
    // Right under a paragraph, with no blank line between, it is still a table of its own.
    const tight = ['　　下表列出历年的数字。', ...TRADE, '　　此后贸易继续增长。'].join('\n');
    expect(clean({ path: 't.txt', text: tight, format: 'text' }).blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'table',
      'paragraph',
    ]);
  });
});
