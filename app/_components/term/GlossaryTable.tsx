'use client';

import { useTranslations } from 'next-intl';
import { useDeferredValue, useState } from 'react';
import type { GlossaryEntry } from '@/lib/model';
import { Link } from '@/lib/i18n/navigation';
import { isInconsistent, wholePercent } from '@/lib/terms/consistency';

/** Pinyin without tone marks or spaces, so `hezuo` finds hé zuò. */
const toneless = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s'’]/g, '')
    .toLowerCase();

function matches(entry: GlossaryEntry, needle: string): boolean {
  if (needle === '') return true;
  const n = needle.toLowerCase();
  return (
    entry.term.includes(needle) ||
    entry.traditional.some((t) => t.includes(needle)) ||
    toneless(entry.pinyin).includes(toneless(needle)) ||
    entry.renderings.some((r) => r.text.toLowerCase().includes(n))
  );
}

/** The glossary as a table, filtered as you type (Chinese, pinyin or English). */
export function GlossaryTable({ entries, threshold }: { entries: GlossaryEntry[]; threshold: number }) {
  const t = useTranslations('Glossary');
  const [query, setQuery] = useState('');
  const [onlyInconsistent, setOnlyInconsistent] = useState(false);
  const needle = useDeferredValue(query.trim());
  const shown = entries.filter(
    (e) => matches(e, needle) && (!onlyInconsistent || isInconsistent(e.renderings, threshold)),
  );
  return (
    <div className="glossary">
      <div className="glossary-controls">
        <label htmlFor="glossary-filter">{t('filter')}</label>
        <input
          id="glossary-filter"
          type="search"
          value={query}
          placeholder={t('filterPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
        <label className="check">
          <input type="checkbox" checked={onlyInconsistent} onChange={(e) => setOnlyInconsistent(e.target.checked)} />{' '}
          {t('onlyInconsistent')}
        </label>
        <span className="glossary-count" aria-live="polite">
          {t('count', { shown: shown.length, total: entries.length })}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="empty-state">{t('empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="glossary-table">
            <thead>
              <tr>
                <th scope="col">{t('term')}</th>
                <th scope="col">{t('pinyin')}</th>
                <th scope="col" className="num">
                  {t('frequency')}
                </th>
                <th scope="col">{t('rendering')}</th>
                <th scope="col">{t('variants')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => {
                const [dominant, ...variants] = e.renderings;
                return (
                  <tr
                    key={e.term}
                    data-term={e.term}
                    className={isInconsistent(e.renderings, threshold) ? 'inconsistent' : undefined}
                  >
                    <th scope="row" lang="zh-Hans">
                      <Link href={`/term/${encodeURIComponent(e.term)}`} prefetch={false}>
                        {e.term}
                      </Link>
                      {e.traditional.length > 0 ? (
                        <span className="term-trad" lang="zh-Hant">
                          {' '}
                          {e.traditional.join(' / ')}
                        </span>
                      ) : null}
                    </th>
                    <td className="term-pinyin">{e.pinyin}</td>
                    <td className="num">{e.frequency}</td>
                    <td lang="en">
                      {dominant ? (
                        <>
                          {dominant.text} <span className="share">{wholePercent(dominant.share)}%</span>
                          {isInconsistent(e.renderings, threshold) ? (
                            <span className="badge warn"> {t('inconsistent')}</span>
                          ) : null}
                        </>
                      ) : (
                        <span className="hint">{t('none')}</span>
                      )}
                      {e.within.length > 0 ? (
                        <span className="within" data-testid="glossary-within">
                          {t('within')}{' '}
                          {e.within.slice(0, 3).map((w) => (
                            <span key={w.term} className="within-term">
                              <Link href={`/term/${encodeURIComponent(w.term)}`} prefetch={false} lang="zh-Hans">
                                {w.term}
                              </Link>{' '}
                              <span className="share">{w.count}</span>
                            </span>
                          ))}
                        </span>
                      ) : null}
                    </td>
                    <td lang="en" className="variants">
                      {variants.slice(0, 4).map((v) => (
                        <span key={v.key} className="variant">
                          {v.text} <span className="share">{wholePercent(v.share)}%</span>
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
