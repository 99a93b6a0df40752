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

  it('a last row short of figures is a row, though it looks like a header with its page number (bench:clean tables, mac seed 1)', () => {
    const rows = [
      '晚计议已       未明    老便起   了几句话',
      '了板           -48.2   1977年   90403',
      '进城至宁荣街   62.5%   63381',
      '府大门前石     1636',
    ];
    const tables = spacedTables(rows);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.at(-1)).toEqual(['府大门前石', '1636', '', '']);
    expect(tables[0]!.to).toBe(4);
  });

  it('a running header that comes back page after page is no row of a table glued under it, even lined up with it (bench:clean tables, bible seed 4)', () => {
    const table = [
      '我曾              属我',
      '你从水中           984',
      '我必与           79428',
      '趟过             -27.8',
    ];
    const page = ['专题 · 经典译介\t27', '第一页的正文。', '', '专题 · 经典译介\t29', ...table, '', '第二页的正文。'];
    const tables = spacedTables(page);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.from).toBe(4);
    expect(tables[0]!.rows[0]).toEqual(['我曾', '属我']);
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
