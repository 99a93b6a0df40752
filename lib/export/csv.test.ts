import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../model';
import { CSV_COLUMNS, exportCsv } from './csv';

const glossary = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../tests/fixtures/export/glossary.json'), 'utf8'),
) as GlossaryEntry[];

/** Read back with a real CSV parser, strict about quoting (RFC 4180). */
const readBack = (csv: string) =>
  parse(csv, { bom: true, columns: true, relax_quotes: false }) as Array<Record<string, string>>;

describe('exportCsv', () => {
  it('starts with a UTF-8 BOM and a header row, ends every record with CRLF', () => {
    const csv = exportCsv(glossary);
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('writes one row per term: the dominant rendering in its own columns, the others as variants', () => {
    const rows = readBack(exportCsv(glossary));
    expect(rows).toHaveLength(glossary.length);
    expect(rows[0]).toEqual({
      term: '战略伙伴',
      traditional: '戰略夥伴',
      pinyin: 'zhànlüè huǒbàn',
      frequency: '20',
      documents: '4',
      rendering: 'strategic partnership',
      count: '12',
      share: '0.8',
      variants: 'strategic partner (3)',
      unrendered: '0',
      within: '战略伙伴关系 (5)',
      termhood: '9.5',
    });
    expect(rows[1]).toMatchObject({
      rendering: 'Shanghai Cooperation Organisation',
      share: '0.833',
      variants: '',
      unrendered: '1',
    });
    expect(rows[2]).toMatchObject({ term: '睦邻友好', rendering: '', count: '0', unrendered: '3' });
  });

  it('quotes commas and quotes so they round-trip, and defuses cells a spreadsheet would run as formulas', () => {
    const rows = readBack(exportCsv(glossary));
    expect(rows[3]?.rendering).toBe('R&D <img src=x onerror=alert(1)>');
    expect(rows[3]?.variants).toBe(
      `'=HYPERLINK("https://example.org", "research, ""development""") (1); research\u0001 and 𠀀 development (1)`,
    );
  });

  it('is a header row alone for an empty glossary', () => {
    expect(exportCsv([])).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });
});
