/**
 * `export --format tsv`: one aligned pair per line, docId<TAB>zh (simplified)<TAB>en. A field that
 * a spreadsheet would run as a formula (`=HYPERLINK(...)` in a translation) gets a single quote in
 * front (lib/security/spreadsheet.ts); the TMX export keeps the text exactly.
 */
import type { BuiltDoc } from '../model';
import { neutraliseFormula } from '../security/spreadsheet';

/** A TSV field holds no tab or line break: blocks of a pair are joined by a space. */
function field(parts: string[]): string {
  return neutraliseFormula(
    parts
      .join(' ')
      .replace(/[\t\r\n]+/g, ' ')
      .trim(),
  );
}

export function exportTsv(docs: BuiltDoc[]): string {
  const lines: string[] = [];
  for (const doc of docs) {
    for (const pair of doc.pairs) {
      const zh = field(pair.zh.map((i) => doc.zh[i]?.simplified ?? ''));
      const en = field(pair.en.map((i) => doc.en[i]?.text ?? ''));
      lines.push(`${doc.meta.id}\t${zh}\t${en}\n`);
    }
  }
  return lines.join('');
}
