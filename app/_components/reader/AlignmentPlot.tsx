/**
 * The document's alignment path as a picture: Chinese position across, English position down
 * (in characters, so long paragraphs take their true room), one box per pair coloured by the
 * aligner's confidence; unaligned paragraphs sit on an axis with nothing opposite. Each box links
 * to its pair, so a translator sees at a glance where the alignment is doubtful and can jump there.
 * Plain server-rendered SVG: no script.
 */
import type { BuiltDoc } from '@/lib/model';
import { LOW_CONFIDENCE } from '@/lib/base/confidence';

export interface AlignmentPlotLabels {
  title: string;
  description: string;
  chinese: string;
  english: string;
  pair: (number: number, confidence: string) => string;
  unaligned: (number: number) => string;
  legend: { high: string; medium: string; low: string; unaligned: string };
}

const SIZE = 220;
const PAD = 18;

/** The bead's class by confidence (its fill is in the stylesheet: one word per bead, not a colour). */
function confidenceClass(confidence: number): string {
  if (confidence >= 0.7) return 'plot-bead plot-high';
  if (confidence >= LOW_CONFIDENCE) return 'plot-bead plot-medium';
  return 'plot-bead plot-low';
}

/** Coordinates to a tenth of a unit: the plot is 256 units wide, and every byte is sent twice. */
const r = (n: number) => Math.round(n * 10) / 10;

export function AlignmentPlot({ doc, labels }: { doc: BuiltDoc; labels: AlignmentPlotLabels }) {
  const zhLen = doc.zh.map((b) => Math.max(1, [...b.simplified].length));
  const enLen = doc.en.map((b) => Math.max(1, [...b.text].length));
  const zhTotal = zhLen.reduce((a, b) => a + b, 0) || 1;
  const enTotal = enLen.reduce((a, b) => a + b, 0) || 1;
  // Cumulative start of each block, scaled to the plot.
  const starts = (lens: number[], total: number) => {
    const out: number[] = [];
    let acc = 0;
    for (const l of lens) {
      out.push((acc / total) * SIZE);
      acc += l;
    }
    out.push(SIZE);
    return out;
  };
  const zx = starts(zhLen, zhTotal);
  const ey = starts(enLen, enTotal);
  // Where the previous pair ended on each axis, so that an unaligned pair can be drawn there.
  const boxes: Array<{ x0: number; x1: number; y0: number; y1: number }> = [];
  for (const pair of doc.pairs) {
    const last = boxes.at(-1);
    const lastX = last?.x1 ?? 0;
    const lastY = last?.y1 ?? 0;
    boxes.push({
      x0: pair.zh.length ? zx[pair.zh[0]!]! : lastX,
      x1: pair.zh.length ? zx[pair.zh.at(-1)! + 1]! : lastX,
      y0: pair.en.length ? ey[pair.en[0]!]! : lastY,
      y1: pair.en.length ? ey[pair.en.at(-1)! + 1]! : lastY,
    });
  }
  const marks = doc.pairs.map((pair, i) => {
    const { x0, x1, y0, y1 } = boxes[i]!;
    const n = pair.id + 1;
    const title = pair.unaligned ? labels.unaligned(n) : labels.pair(n, pair.confidence.toFixed(2));
    return (
      // The <title> names the link for screen readers and shows as a tooltip to the mouse.
      <a key={pair.id} href={`#p-${n}`}>
        <title>{title}</title>
        {pair.unaligned ? (
          <rect
            x={r(PAD + x0 - 1.5)}
            y={r(PAD + y0 - 1.5)}
            width={r(Math.max(3, x1 - x0 + 3))}
            height={r(Math.max(3, y1 - y0 + 3))}
            className="plot-unaligned"
          />
        ) : (
          <rect
            x={r(PAD + x0)}
            y={r(PAD + y0)}
            width={r(Math.max(2.5, x1 - x0))}
            height={r(Math.max(2.5, y1 - y0))}
            className={confidenceClass(pair.confidence)}
          />
        )}
      </a>
    );
  });
  return (
    <figure className="alignment-plot">
      <svg viewBox={`0 0 ${SIZE + PAD * 2} ${SIZE + PAD * 2}`} role="group" aria-labelledby="alignment-plot-title">
        <title id="alignment-plot-title">{labels.description}</title>
        <line x1={PAD} y1={PAD} x2={PAD + SIZE} y2={PAD + SIZE} className="plot-diagonal" />
        <rect x={PAD} y={PAD} width={SIZE} height={SIZE} className="plot-frame" />
        <text x={PAD + SIZE / 2} y={PAD - 6} textAnchor="middle" className="plot-axis">
          {labels.chinese} →
        </text>
        <text
          x={PAD - 6}
          y={PAD + SIZE / 2}
          textAnchor="middle"
          className="plot-axis"
          transform={`rotate(-90 ${PAD - 6} ${PAD + SIZE / 2})`}
        >
          {labels.english} →
        </text>
        {marks}
      </svg>
      <figcaption>
        <strong>{labels.title}</strong>
        <span className="plot-legend">
          <span className="swatch" style={{ background: 'var(--plot-high)' }} /> {labels.legend.high}
          <span className="swatch" style={{ background: 'var(--plot-medium)' }} /> {labels.legend.medium}
          <span className="swatch" style={{ background: 'var(--plot-low)' }} /> {labels.legend.low}
          <span className="swatch swatch-unaligned" /> {labels.legend.unaligned}
        </span>
      </figcaption>
    </figure>
  );
}
