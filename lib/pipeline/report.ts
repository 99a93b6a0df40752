/** The summary ingest prints per document: blocks, sentences, words, alignment and warnings. */
import type { BuiltDoc, DocStats, Dropped, Repair } from '../model';
import { checkTranslation } from './checks';

/** What the report says of one document: taken as each document passes (the ingest keeps no documents). */
export interface DocReport {
  id: string;
  stats: DocStats;
  dropped: number;
  warnings: number;
  /** The notes printed under the table: unaligned pairs, warnings, translation checks. */
  notes: string[];
}

/**
 * What the cleaner took out of a page that a reader could miss: the page's furniture and a pull
 * quote repeating the body. Each is listed in the report by line and reason (running headers and
 * page numbers are counted only: there are hundreds, and they are never text).
 */
const LISTED_DROPS: ReadonlySet<Dropped['reason']> = new Set([
  'label',
  'banner',
  'marker',
  'source-note',
  'pull-quote',
]);

export function listedDrops(dropped: readonly Dropped[]): Dropped[] {
  return dropped.filter((x) => LISTED_DROPS.has(x.reason));
}

/** One dropped piece of a page as the report prints it. */
export function describeDropped(x: Dropped): string {
  return `dropped at line ${x.line} (${x.reason}): ${x.text}`;
}

export function docReport(d: BuiltDoc): DocReport {
  const notes: string[] = [];
  const unaligned = d.pairs.filter((p) => p.unaligned && d.en.length > 0).map((p) => `#p-${p.id + 1}`);
  if (unaligned.length > 0) notes.push(`unaligned pairs ${unaligned.join(' ')}`);
  for (const w of d.warnings) notes.push(w);
  for (const r of d.repairs ?? []) notes.push(describeRepair(r));
  for (const x of listedDrops(d.dropped)) notes.push(describeDropped(x));
  for (const f of checkTranslation(d)) notes.push(`#p-${f.pair} ${f.kind}: ${f.detail}`);
  return { id: d.meta.id, stats: d.stats, dropped: d.dropped.length, warnings: d.warnings.length, notes };
}

export function ingestReport(docs: readonly DocReport[], buildDir: string, millis: number): string {
  const header = [
    'document',
    'blocks',
    'sentences',
    'words',
    'en blocks',
    'aligned',
    'unaligned',
    'low-conf',
    'dropped',
    'warnings',
  ];
  const rows = docs.map((d) =>
    [
      d.id,
      d.stats.blocks,
      d.stats.sentences,
      d.stats.words,
      d.stats.enBlocks,
      d.stats.aligned,
      d.stats.unaligned,
      d.stats.lowConfidence,
      d.dropped,
      d.warnings,
    ].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const chars = docs.reduce((n, d) => n + d.stats.characters, 0);
  const out = [line(header), ...rows.map(line)];
  for (const d of docs) for (const note of d.notes) out.push(`  ${d.id}: ${note}`);
  out.push(`${docs.length} documents, ${chars} Han characters in ${(millis / 1000).toFixed(1)} s → ${buildDir}`);
  return `${out.join('\n')}\n`;
}

/** One repair of the cleaner as the report and `duizhao clean` print it, for a human to check. */
export function describeRepair(r: Repair): string {
  return `repair at line ${r.line} (${r.kind}): ${r.before} → ${r.after}`;
}
