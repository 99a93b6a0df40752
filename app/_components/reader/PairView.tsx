import type { BuiltDoc, Pair } from '@/lib/model';
import { EnBlockView, ZhBlockView } from './BlockView';
import { pairAnchor, zhLang } from './lang';

export interface PairLabels {
  noTranslation: string;
  noSource: string;
  lowConfidence: string;
  /** "Link to passage {number}", already formatted per pair by the caller. */
  pairLink: (number: number) => string;
}

/** The dashed stand-in for the side a pair lacks. */
function MissingSide({ label }: { label: string }) {
  return (
    <div className="cell cell-missing">
      <span className="missing-label">{label}</span>
    </div>
  );
}

/**
 * One aligned pair: Chinese then English, in a grid row (stacked on a phone). `id="p-N"` makes
 * `#p-N` scroll here and `:target` mark it.
 */
export function PairView({
  doc,
  pair,
  labels,
  solo,
}: {
  doc: BuiltDoc;
  pair: Pair;
  labels: PairLabels;
  /** The document has no translation at all: show the Chinese alone, without empty cells. */
  solo: boolean;
}) {
  const anchor = pairAnchor(pair.id);
  const number = pair.id + 1;
  const zh = pair.zh.flatMap((i) => doc.zh[i] ?? []);
  const en = pair.en.flatMap((i) => doc.en[i] ?? []);
  const classes = ['pair'];
  if (pair.unaligned && !solo) classes.push('pair-unaligned');
  if (pair.lowConfidence) classes.push('pair-low');
  const firstKind = zh[0]?.kind ?? en[0]?.kind;
  if (firstKind) classes.push(`pair-${firstKind}`);
  return (
    <div className={classes.join(' ')} id={anchor}>
      <a className="pair-link" href={`#${anchor}`} aria-label={labels.pairLink(number)}>
        <span className="pair-number">{number}</span>
      </a>
      {zh.length > 0 ? (
        <div className="cell cell-zh" lang={zhLang(doc.meta.variant)}>
          {zh.map((block, i) => (
            <ZhBlockView key={i} block={block} />
          ))}
        </div>
      ) : (
        <MissingSide label={labels.noSource} />
      )}
      {solo ? null : en.length > 0 ? (
        <div className="cell cell-en" lang="en">
          {en.map((block, i) => (
            <EnBlockView key={i} block={block} />
          ))}
        </div>
      ) : (
        <MissingSide label={labels.noTranslation} />
      )}
      {pair.lowConfidence && !pair.unaligned ? (
        <span className="low-mark" title={labels.lowConfidence}>
          <span className="sr-only">{labels.lowConfidence}</span>
        </span>
      ) : null}
    </div>
  );
}
