'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { knownCount, knownShare } from '@/lib/learner/known-words';
import { useKnownWords } from '@/lib/learner/known-words-store';

type Counts = Record<string, [number, number]>;
/** One request per document and page, shared by the cards that need it. */
const pending = new Map<string, Promise<Counts | null>>();

function fetchCounts(docId: string): Promise<Counts | null> {
  let p = pending.get(docId);
  if (!p) {
    p = fetch(`/api/reader/words?doc=${encodeURIComponent(docId)}`)
      .then((r) => (r.ok ? (r.json() as Promise<{ words: Counts }>) : null))
      .then((body) => body?.words ?? null)
      .catch(() => null);
    pending.set(docId, p);
  }
  return p;
}

/**
 * The share of a document's running words the learner knows, on its library card. The statuses
 * never leave the browser: the card fetches the document's word counts (once it is near the
 * screen) and reckons the share here. Nothing shows until the learner has a status for some word.
 */
export function KnownShare({ docId }: { docId: string }) {
  const t = useTranslations('Library');
  const words = useKnownWords();
  const [counts, setCounts] = useState<Counts | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  const active = Object.keys(words).length > 0;
  useEffect(() => {
    const el = ref.current;
    if (!active || counts !== null || !el) return;
    let cancelled = false;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        void fetchCounts(docId).then((c) => {
          if (!cancelled && c) setCounts(c);
        });
      },
      { rootMargin: '50% 0px' },
    );
    observer.observe(el);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [active, counts, docId]);
  const share = active && counts ? knownShare(words, counts) : null;
  return (
    // Never `hidden`: an element without a box never intersects, and the fetch waits for that.
    <p ref={ref} className="known-share" data-share={share === null ? 'none' : Math.round(share * 100)}>
      {share === null ? null : (
        <>
          <span className="bar" aria-hidden="true">
            <span className="bar-fill known-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
          </span>{' '}
          <span>{t('knownShare', { percent: `${Math.round(share * 100)}%` })}</span>
        </>
      )}
    </p>
  );
}

/** The number of words the learner knows, in the library's head (nothing before the first). */
export function KnownCount() {
  const t = useTranslations('Library');
  const words = useKnownWords();
  const n = knownCount(words);
  if (n === 0) return null;
  return <p className="known-count">{t('knownCount', { count: n })}</p>;
}
