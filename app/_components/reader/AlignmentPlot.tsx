'use client';

import { useTranslations } from 'next-intl';
import { PLOT_PAD, PLOT_SIZE, type PlotBead } from '@/lib/reader/plot';

/**
 * The document's alignment path as a picture (lib/reader/plot.ts): one box per pair coloured by
 * the aligner's confidence (the fill is in the stylesheet, one class per band), unaligned pairs on
 * an axis. Each box links to its pair, so a translator sees at a glance where the alignment is
 * doubtful and can jump there. Strings: Reader.plot*, chinese, english.
 */
export function AlignmentPlot({ beads }: { beads: readonly PlotBead[] }) {
  const t = useTranslations('Reader');
  const size = PLOT_SIZE + PLOT_PAD * 2;
  const middle = PLOT_PAD + PLOT_SIZE / 2;
  return (
    <figure className="alignment-plot">
      <svg viewBox={`0 0 ${size} ${size}`} role="group" aria-labelledby="alignment-plot-title">
        <title id="alignment-plot-title">{t('plotDescription')}</title>
        <line
          x1={PLOT_PAD}
          y1={PLOT_PAD}
          x2={PLOT_PAD + PLOT_SIZE}
          y2={PLOT_PAD + PLOT_SIZE}
          className="plot-diagonal"
        />
        <rect x={PLOT_PAD} y={PLOT_PAD} width={PLOT_SIZE} height={PLOT_SIZE} className="plot-frame" />
        <text x={middle} y={PLOT_PAD - 6} textAnchor="middle" className="plot-axis">
          {t('chinese')} →
        </text>
        <text
          x={PLOT_PAD - 6}
          y={middle}
          textAnchor="middle"
          className="plot-axis"
          transform={`rotate(-90 ${PLOT_PAD - 6} ${middle})`}
        >
          {t('english')} →
        </text>
        {beads.map((bead) => (
          // The <title> names the link for screen readers and shows as a tooltip to the mouse.
          <a key={bead.n} href={`#p-${bead.n}`}>
            <title>
              {bead.band === 'unaligned'
                ? t('plotUnaligned', { number: bead.n })
                : t('plotPair', { number: bead.n, confidence: bead.confidence.toFixed(2) })}
            </title>
            <rect
              x={bead.x}
              y={bead.y}
              width={bead.width}
              height={bead.height}
              className={bead.band === 'unaligned' ? 'plot-unaligned' : `plot-bead plot-${bead.band}`}
            />
          </a>
        ))}
      </svg>
      <figcaption>
        <strong>{t('plotTitle')}</strong>
        <span className="plot-legend">
          <span className="swatch" style={{ background: 'var(--plot-high)' }} /> {t('plotHigh')}
          <span className="swatch" style={{ background: 'var(--plot-medium)' }} /> {t('plotMedium')}
          <span className="swatch" style={{ background: 'var(--plot-low)' }} /> {t('plotLow')}
          <span className="swatch swatch-unaligned" /> {t('plotUnalignedLegend')}
        </span>
      </figcaption>
    </figure>
  );
}
