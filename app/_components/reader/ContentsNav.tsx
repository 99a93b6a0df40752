'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { ContentsEntry } from '@/lib/reader/view';
import { pairAnchor } from './lang';

/** The heading that the reader is under: the last one at or before the current pair. */
function activeEntry(contents: readonly ContentsEntry[], current: number | null): number | null {
  if (current === null) return null;
  let active: number | null = null;
  for (const entry of contents) if (entry.pair <= current) active = entry.pair;
  return active;
}

/**
 * The contents sidebar, from the document's headings: a sticky column beside the text on wide
 * screens, a drawer on narrow ones. Each entry is a real link to the pair (`#p-N`), so it works
 * without script and can be copied.
 */
export function ContentsNav({
  contents,
  current,
  lang,
  open,
  onClose,
  onGo,
}: {
  contents: readonly ContentsEntry[];
  current: number | null;
  lang: string;
  /** The drawer is open (narrow screens). */
  open: boolean;
  onClose: () => void;
  onGo: (pair: number) => void;
}) {
  const t = useTranslations('ReaderAids');
  const active = activeEntry(contents, current);
  const navRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    navRef.current?.querySelector<HTMLElement>('a, button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  return (
    <nav ref={navRef} className={open ? 'contents contents-open' : 'contents'} aria-label={t('contents')}>
      <div className="contents-head">
        <h2 className="contents-title">{t('contents')}</h2>
        <button type="button" className="contents-close" onClick={onClose} aria-label={t('closeContents')}>
          ×
        </button>
      </div>
      <ol className="contents-list">
        {contents.map((entry) => (
          <li key={entry.pair} className={`contents-l${Math.min(entry.level, 4)}`}>
            <a
              href={`#${pairAnchor(entry.pair)}`}
              aria-current={active === entry.pair ? 'location' : undefined}
              onClick={(event) => {
                event.preventDefault();
                history.replaceState(null, '', `#${pairAnchor(entry.pair)}`);
                onGo(entry.pair);
              }}
            >
              <span lang={lang}>{entry.zh}</span>
              {entry.en ? (
                <span className="contents-en" lang="en">
                  {entry.en}
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
