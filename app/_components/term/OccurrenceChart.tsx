import { useLocale } from 'next-intl';
import { getPathname, Link } from '@/lib/i18n/navigation';

export interface DocOccurrences {
  docId: string;
  title: string;
  lang?: string;
  /** Pairs in the document, for the scale. */
  pairs: number;
  /** Pair index of each occurrence, in document order (repeats allowed). */
  at: number[];
}

export interface OccurrenceChartLabels {
  title: string;
  description: string;
  count: (count: number) => string;
  mark: (passage: number) => string;
}

/**
 * Where a term occurs, as ctext's statistics view shows it: one track per document, a mark at each
 * occurrence's position along it (by pair), each a link to that pair in the reader. Plain HTML and
 * CSS positioning rather than a chart library: a few hundred links need nothing more.
 */
export function OccurrenceChart({ docs, labels }: { docs: DocOccurrences[]; labels: OccurrenceChartLabels }) {
  const locale = useLocale();
  return (
    <figure className="occ-chart" aria-labelledby="occ-title">
      <figcaption>
        <h2 id="occ-title">{labels.title}</h2>
        <p className="hint">{labels.description}</p>
      </figcaption>
      <ul className="occ-docs">
        {docs.map((doc) => {
          const pairs = [...new Set(doc.at)];
          return (
            <li key={doc.docId} className="occ-doc" data-doc={doc.docId}>
              <p className="occ-doc-head">
                <Link href={`/read/${doc.docId}`} prefetch={false} lang={doc.lang}>
                  {doc.title}
                </Link>
                <span className="occ-count">{labels.count(doc.at.length)}</span>
              </p>
              <div className="occ-track">
                {pairs.map((pair) => (
                  // A document navigation (not Link's): only a real fragment navigation marks the pair (:target).
                  <a
                    key={pair}
                    className="occ-mark"
                    href={getPathname({ locale, href: `/read/${doc.docId}#p-${pair + 1}` })}
                    style={{ left: `${doc.pairs > 1 ? (pair / (doc.pairs - 1)) * 100 : 50}%` }}
                    aria-label={labels.mark(pair + 1)}
                    title={labels.mark(pair + 1)}
                  />
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
