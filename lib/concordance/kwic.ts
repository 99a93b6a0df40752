/**
 * Keyword-in-context lines for a term: each occurrence centred, with a fixed amount of Chinese on
 * either side (cut at a block break, so a line never runs into another paragraph), and the pair's
 * English with the span that renders the term marked (each piece, when other words split it).
 * Pure: the term page and the API share it.
 */
import type { PairRecord, TermOccurrence, TermReport } from '../model';
import { toParts, type Part } from '../search/match';

/** Chinese kept on each side of the term, in code points. */
const KWIC_CONTEXT = 24;

export interface KwicLine {
  /** Index of the occurrence in the term report. */
  index: number;
  docId: string;
  pair: number;
  /** Chinese before the term (at most KWIC_CONTEXT code points, nearest last). */
  left: string;
  match: string;
  right: string;
  /** Whether the context was cut (an ellipsis belongs there). */
  leftCut: boolean;
  rightCut: boolean;
  /** The pair's English, with the rendering marked when one was found. */
  en: Part[];
  /** Key of the rendering (see TermRendering), or null when none was found. */
  rendering: string | null;
}

const recordKey = (docId: string, pair: number) => `${docId}\u0000${pair}`;

/** The last `n` code points of `text` after its last line break, and whether anything was cut. */
function tail(text: string, n: number): [string, boolean] {
  const line = text.slice(text.lastIndexOf('\n') + 1);
  const chars = [...line];
  return chars.length > n ? [chars.slice(-n).join(''), true] : [line, line.length < text.length];
}

function head(text: string, n: number): [string, boolean] {
  const stop = text.indexOf('\n');
  const line = stop === -1 ? text : text.slice(0, stop);
  const chars = [...line];
  return chars.length > n ? [chars.slice(0, n).join(''), true] : [line, stop !== -1];
}

function line(occurrence: TermOccurrence, index: number, record: PairRecord, context: number): KwicLine {
  const [left, leftCut] = tail(record.zh.slice(0, occurrence.zhStart), context);
  const [right, rightCut] = head(record.zh.slice(occurrence.zhEnd), context);
  const r = occurrence.rendering;
  return {
    index,
    docId: occurrence.docId,
    pair: occurrence.pair,
    left,
    match: record.zh.slice(occurrence.zhStart, occurrence.zhEnd),
    right,
    leftCut,
    rightCut,
    // A rendering split by other words marks its pieces, not the words between them.
    en: toParts(
      record.en,
      r ? (r.parts?.map(([start, end]) => ({ start, end })) ?? [{ start: r.start, end: r.end }]) : [],
    ),
    rendering: r?.key ?? null,
  };
}

/** KWIC lines for the report's occurrences (all, or the given indices), in corpus order. */
export function kwicLines(
  report: TermReport,
  records: readonly PairRecord[],
  only?: readonly number[],
  context = KWIC_CONTEXT,
): KwicLine[] {
  const byKey = new Map(records.map((r) => [recordKey(r.docId, r.pair), r]));
  const indices = only ?? report.occurrences.map((_, i) => i);
  const lines: KwicLine[] = [];
  for (const i of indices) {
    const occurrence = report.occurrences[i];
    const record = occurrence && byKey.get(recordKey(occurrence.docId, occurrence.pair));
    if (occurrence && record) lines.push(line(occurrence, i, record, context));
  }
  return lines;
}

export type KwicOrder = 'corpus' | 'left' | 'right';

/**
 * Lines sorted as concordancers sort them: by the words just left of the term read right to left
 * (so 加强合作 and 务实合作 group by 强/实), or by the words right of it; ties keep corpus order.
 */
export function sortKwic(lines: readonly KwicLine[], order: KwicOrder): KwicLine[] {
  if (order === 'corpus') return [...lines].sort((a, b) => a.index - b.index);
  const key = (l: KwicLine) => (order === 'left' ? [...l.left].reverse().join('') : l.right);
  const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  return [...lines].sort((a, b) => collator.compare(key(a), key(b)) || a.index - b.index);
}
