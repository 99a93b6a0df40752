'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { HSK_STANDARDS, type HskStandard } from '@/lib/learner/settings';
import { useReaderSettings } from '@/app/_components/reader/settings-store';

/**
 * The HSK standard the learner chose (stored with the reader's settings), mirrored on
 * `html[data-hsk]`: the server draws the documents' difficulty by both standards, the attribute
 * picks one.
 */
function useHskStandard() {
  const [settings, update] = useReaderSettings();
  useEffect(() => {
    document.documentElement.dataset.hsk = settings.hskStandard;
  }, [settings.hskStandard]);
  return [settings.hskStandard, update] as const;
}

/** Shows the documents' difficulty by the learner's HSK standard; draws nothing. */
export function HskStandardSync() {
  useHskStandard();
  return null;
}

/** The same, with the choice itself (the library's head). Strings: Library.gradeBy, hsk2, hsk3. */
export function HskStandardChoice() {
  const t = useTranslations('Library');
  const [standard, update] = useHskStandard();
  return (
    <label className="hsk-standard">
      <span>{t('gradeBy')}</span>{' '}
      <select value={standard} onChange={(e) => update({ hskStandard: e.target.value as HskStandard })}>
        {HSK_STANDARDS.map((s) => (
          <option key={s} value={s}>
            {t(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
