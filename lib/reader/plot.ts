/**
 * The document's alignment path as geometry for the alignment map: Chinese position across,
 * English position down (in characters, so long paragraphs take their true room), one box per pair
 * with its confidence band; an unaligned pair sits on an axis with nothing opposite. Pure: the
 * reader's header asks for it (`/api/reader/plot`) only when the map is opened, so the boxes of a
 * long document never weigh on the page's first view.
 */
import { LOW_CONFIDENCE } from '@/lib/base/confidence';
import type { BuiltDoc } from '@/lib/model';

/** The plot's square, in SVG units, and the margin around it for the axis names. */
export const PLOT_SIZE = 220;
export const PLOT_PAD = 18;

type PlotBand = 'high' | 'medium' | 'low' | 'unaligned';

export interface PlotBead {
  /** The pair's number as the reader shows it (its id + 1; `#p-N` links to it). */
  n: number;
  x: number;
  y: number;
  width: number;
  height: number;
  band: PlotBand;
  confidence: number;
}

/** A sure bead needs this confidence; below LOW_CONFIDENCE it is doubtful. */
const HIGH_CONFIDENCE = 0.7;

function bandOf(unaligned: boolean, confidence: number): PlotBand {
  if (unaligned) return 'unaligned';
  if (confidence >= HIGH_CONFIDENCE) return 'high';
  return confidence >= LOW_CONFIDENCE ? 'medium' : 'low';
}

/** Coordinates to a tenth of a unit: the plot is 256 units wide. */
const tenth = (n: number) => Math.round(n * 10) / 10;

/** Cumulative start of each block along an axis, scaled to the plot, and the axis end last. */
function starts(lengths: readonly number[]): number[] {
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  const out: number[] = [];
  let acc = 0;
  for (const l of lengths) {
    out.push((acc / total) * PLOT_SIZE);
    acc += l;
  }
  out.push(PLOT_SIZE);
  return out;
}

/** One box per pair, in SVG units (margin included), in the document's order. */
export function plotBeads(doc: BuiltDoc): PlotBead[] {
  const zx = starts(doc.zh.map((b) => Math.max(1, [...b.simplified].length)));
  const ey = starts(doc.en.map((b) => Math.max(1, [...b.text].length)));
  const beads: PlotBead[] = [];
  // Where the previous pair ended on each axis, so that an unaligned pair can be drawn there.
  let lastX = 0;
  let lastY = 0;
  for (const pair of doc.pairs) {
    const x0 = pair.zh.length ? zx[pair.zh[0]!]! : lastX;
    const x1 = pair.zh.length ? zx[pair.zh.at(-1)! + 1]! : lastX;
    const y0 = pair.en.length ? ey[pair.en[0]!]! : lastY;
    const y1 = pair.en.length ? ey[pair.en.at(-1)! + 1]! : lastY;
    lastX = x1;
    lastY = y1;
    const band = bandOf(pair.unaligned, pair.confidence);
    // An unaligned pair is a small square around its place on the axis; others at least 2.5 units.
    const grow = band === 'unaligned' ? 1.5 : 0;
    const least = band === 'unaligned' ? 3 : 2.5;
    beads.push({
      n: pair.id + 1,
      x: tenth(PLOT_PAD + x0 - grow),
      y: tenth(PLOT_PAD + y0 - grow),
      width: tenth(Math.max(least, x1 - x0 + 2 * grow)),
      height: tenth(Math.max(least, y1 - y0 + 2 * grow)),
      band,
      confidence: pair.confidence,
    });
  }
  return beads;
}
