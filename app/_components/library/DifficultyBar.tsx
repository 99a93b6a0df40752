import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import type { Difficulty, DocStats } from '@/lib/model';
import { HSK_STANDARDS, type HskStandard } from '@/lib/learner/settings';

export interface DifficultyLabels {
  title: string;
  level: (level: number) => string;
  outside: string;
  estimated: (level: number | null) => string;
  outsideWords: string;
}

/**
 * The share of a text's running words at each HSK level, as one stacked bar (level 1 darkest),
 * with the estimated level and a legend that is text, not a hover title (touch has no hover);
 * `detailed` adds the commonest words outside the lists.
 */
function DifficultyBar({
  difficulty,
  labels,
  standard,
  detailed = false,
}: {
  difficulty: Difficulty;
  labels: DifficultyLabels;
  standard: HskStandard;
  detailed?: boolean;
}) {
  const { tokens, byLevel, outside, estimated, outsideWords } = difficulty;
  if (tokens === 0) return null;
  const segments = [
    ...byLevel.map((count, i) => ({ key: `hsk${i + 1}`, label: labels.level(i + 1), count })),
    { key: 'outside', label: labels.outside, count: outside },
  ];
  const percent = (n: number) => `${Math.round((n / tokens) * 100)}%`;
  return (
    <div className={`difficulty difficulty-${standard}`} data-standard={standard} data-estimated={estimated ?? 'none'}>
      <p className="difficulty-head">
        <span>{labels.title}</span> <strong>{labels.estimated(estimated)}</strong>
      </p>
      <div
        className="difficulty-bar"
        role="img"
        aria-label={segments.map((s) => `${s.label} ${percent(s.count)}`).join(', ')}
      >
        {segments.map((s) =>
          s.count > 0 ? (
            <span
              key={s.key}
              className={`seg seg-${s.key}`}
              style={{ width: `${(s.count / tokens) * 100}%` }}
              title={`${s.label}: ${percent(s.count)}`}
            />
          ) : null,
        )}
      </div>
      <ul className={detailed ? 'difficulty-legend' : 'difficulty-legend difficulty-legend-compact'} aria-hidden="true">
        {segments.map((s) =>
          detailed || s.count > 0 ? (
            <li key={s.key}>
              <span className={`swatch seg-${s.key}`} /> {s.label} {percent(s.count)}
            </li>
          ) : null,
        )}
      </ul>
      {detailed && outsideWords.length > 0 ? (
        <p className="difficulty-outside">
          {labels.outsideWords} <span lang="zh-Hans">{outsideWords.map((w) => w.word).join('、')}</span>
        </p>
      ) : null}
    </div>
  );
}

/**
 * The document's difficulty by each standard the build holds; the page shows the one the learner
 * chose (`html[data-hsk]`, set by HskStandardSync) and HSK 2.0 until it is known.
 */
export async function DifficultyBars({
  stats,
  locale,
  detailed = false,
}: {
  stats: DocStats;
  locale: AppLocale;
  detailed?: boolean;
}) {
  const bars = [];
  for (const standard of HSK_STANDARDS) {
    const difficulty = standard === 'hsk3' ? stats.difficultyHsk3 : stats.difficulty;
    if (difficulty)
      bars.push(
        <DifficultyBar
          key={standard}
          difficulty={difficulty}
          standard={standard}
          labels={await difficultyLabels(locale, standard)}
          detailed={detailed}
        />,
      );
  }
  return bars.length > 0 ? <>{bars}</> : null;
}

/** The estimated level in a few words, by each standard (hidden as the bars are), or undefined without figures. */
export async function estimatedLevels(stats: DocStats, locale: AppLocale) {
  const parts = [];
  for (const standard of HSK_STANDARDS) {
    const difficulty = standard === 'hsk3' ? stats.difficultyHsk3 : stats.difficulty;
    if (difficulty && difficulty.tokens > 0) {
      parts.push(
        <span key={standard} className={`difficulty-${standard}`}>
          {(await difficultyLabels(locale, standard)).estimated(difficulty.estimated)}
        </span>,
      );
    }
  }
  return parts.length > 0 ? <>{parts}</> : undefined;
}

/** The labels in the page's language, for one standard (HSK 3.0's seventh level is the 7–9 band). */
async function difficultyLabels(locale: AppLocale, standard: HskStandard = 'hsk2'): Promise<DifficultyLabels> {
  const t = await getTranslations({ locale, namespace: 'Difficulty' });
  const level = (n: number) => (standard === 'hsk3' && n >= 7 ? '7–9' : String(n));
  return {
    title: t(standard === 'hsk3' ? 'titleHsk3' : 'title'),
    level: (n) => t('level', { level: level(n) }),
    outside: t('outside'),
    estimated: (n) => t(standard === 'hsk3' ? 'estimatedHsk3' : 'estimated', { level: n === null ? 'none' : level(n) }),
    outsideWords: t('outsideWords'),
  };
}
