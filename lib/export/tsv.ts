/** `export --format tsv`: one aligned pair per line, docId<TAB>zh (simplified)<TAB>en. */
import type { BuiltDoc } from '../model';

/** A TSV field holds no tab or line break: blocks of a pair are joined by a space. */
function field(parts: string[]): string {
  return parts.join(' ').replace(/[\t\r\n]+/g, ' ').trim();
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
