import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import type { Difficulty } from '@/lib/model';

export interface DifficultyLabels {
  title: string;
  level: (level: number) => string;
  outside: string;
  estimated: (level: number | null) => string;
  outsideWords: string;
}

/**
 * The share of a text's running words at each HSK level, as one stacked bar (level 1 darkest),
 * with the estimated level; `detailed` adds the legend and the commonest words outside the lists.
 */
export function DifficultyBar({ difficulty, labels, detailed = false }: { difficulty: Difficulty; labels: DifficultyLabels; detailed?: boolean }) {
  const { tokens, byLevel, outside, estimated, outsideWords } = difficulty;
  if (tokens === 0) return null;
  const segments = [...byLevel.map((count, i) => ({ key: `hsk${i + 1}`, label: labels.level(i + 1), count })), { key: 'outside', label: labels.outside, count: outside }];
  const percent = (n: number) => `${Math.round((n / tokens) * 100)}%`;
  return (
    <div className="difficulty" data-estimated={estimated ?? 'none'}>
      <p className="difficulty-head">
        <span>{labels.title}</span> <strong>{labels.estimated(estimated)}</strong>
      </p>
      <div className="difficulty-bar" role="img" aria-label={segments.map((s) => `${s.label} ${percent(s.count)}`).join(', ')}>
        {segments.map((s) => (s.count > 0 ? <span key={s.key} className={`seg seg-${s.key}`} style={{ width: `${(s.count / tokens) * 100}%` }} title={`${s.label}: ${percent(s.count)}`} /> : null))}
      </div>
      {detailed ? (
        <>
          <ul className="difficulty-legend">
            {segments.map((s) => (
              <li key={s.key}>
                <span className={`swatch seg-${s.key}`} aria-hidden="true" /> {s.label} {percent(s.count)}
              </li>
            ))}
          </ul>
          {outsideWords.length > 0 ? (
            <p className="difficulty-outside">
              {labels.outsideWords}{' '}
              <span lang="zh-Hans">{outsideWords.map((w) => w.word).join('、')}</span>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** The labels in the page's language. */
export async function difficultyLabels(locale: AppLocale): Promise<DifficultyLabels> {
  const t = await getTranslations({ locale, namespace: 'Difficulty' });
  return {
    title: t('title'),
    level: (level) => t('level', { level }),
    outside: t('outside'),
    estimated: (level) => t('estimated', { level: level === null ? 'none' : String(level) }),
    outsideWords: t('outsideWords'),
  };
}
