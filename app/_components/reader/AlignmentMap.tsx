'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { ReaderPlotAnswer } from '@/app/api/_types';
import type { PlotBead } from '@/lib/reader/plot';

// The map's code loads with its data, when it is first shown.
const AlignmentPlot = dynamic(() => import('./AlignmentPlot').then((m) => m.AlignmentPlot), { ssr: false });

/**
 * The alignment map inside the reader's "About this document" disclosure, fetched
 * (`/api/reader/plot`) the first time the disclosure opens: a long document's map is hundreds of
 * linked boxes that the page's first view would otherwise carry for the few readers who open it.
 * A failed fetch is said, and tried again when the disclosure is reopened.
 */
export function AlignmentMap({ docId }: { docId: string }) {
  const t = useTranslations('Reader');
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [beads, setBeads] = useState<readonly PlotBead[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const details = ref.current?.closest('details');
    if (!details) return;
    // Opened before the page was hydrated: the toggle event has already gone by.
    const sync = () => {
      if (details.open) setFailed(false);
      setOpen(details.open);
    };
    sync();
    details.addEventListener('toggle', sync);
    return () => details.removeEventListener('toggle', sync);
  }, []);

  useEffect(() => {
    if (!open || beads) return;
    let cancelled = false;
    fetch(`/api/reader/plot?doc=${encodeURIComponent(docId)}`)
      .then((response) => {
        if (!response.ok) throw new Error(`plot ${response.status}`);
        return response.json() as Promise<ReaderPlotAnswer>;
      })
      .then(
        (body) => {
          if (!cancelled) setBeads(body.beads);
        },
        () => {
          if (!cancelled) setFailed(true);
        },
      );
    return () => {
      cancelled = true;
    };
  }, [open, beads, docId]);

  return (
    <div ref={ref} className="alignment-map">
      {beads ? (
        <AlignmentPlot beads={beads} />
      ) : open ? (
        <p className="hint" role="status">
          {failed ? t('plotFailed') : t('plotLoading')}
        </p>
      ) : null}
    </div>
  );
}
