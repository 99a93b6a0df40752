/** The summary ingest prints per document: blocks, sentences, words, alignment and warnings. */
import type { BuiltDoc } from '../model';
import { checkTranslation } from './checks';

export function ingestReport(docs: BuiltDoc[], buildDir: string, millis: number): string {
  const header = ['document', 'blocks', 'sentences', 'words', 'en blocks', 'aligned', 'unaligned', 'low-conf', 'dropped', 'warnings'];
  const rows = docs.map((d) => [
    d.meta.id,
    d.stats.blocks,
    d.stats.sentences,
    d.stats.words,
    d.stats.enBlocks,
    d.stats.aligned,
    d.stats.unaligned,
    d.stats.lowConfidence,
    d.dropped.length,
    d.warnings.length,
  ].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const chars = docs.reduce((n, d) => n + d.stats.characters, 0);
  const out = [line(header), ...rows.map(line)];
  for (const d of docs) {
    const unaligned = d.pairs.filter((p) => p.unaligned && d.en.length > 0).map((p) => `#p-${p.id + 1}`);
    if (unaligned.length > 0) out.push(`  ${d.meta.id}: unaligned pairs ${unaligned.join(' ')}`);
    for (const w of d.warnings) out.push(`  ${d.meta.id}: ${w}`);
    for (const f of checkTranslation(d)) out.push(`  ${d.meta.id}: #p-${f.pair} ${f.kind}: ${f.detail}`);
  }
  out.push(`${docs.length} documents, ${chars} Han characters in ${(millis / 1000).toFixed(1)} s → ${buildDir}`);
  return `${out.join('\n')}\n`;
}
