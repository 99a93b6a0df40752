'use client';

import { useEffect } from 'react';
import { HSK_STANDARDS, type HskStandard } from '@/lib/learner/settings';
import { useReaderSettings } from '@/app/_components/reader/settings-store';

/**
 * Shows the documents' difficulty by the HSK standard the learner chose (stored with the reader's
 * settings): the server draws both, `html[data-hsk]` picks one. With `labels`, also the choice itself.
 */
export function HskStandardSync({ labels }: { labels?: { legend: string; options: Record<HskStandard, string> } }) {
  const [settings, update] = useReaderSettings();
  useEffect(() => {
    document.documentElement.dataset.hsk = settings.hskStandard;
  }, [settings.hskStandard]);
  if (!labels) return null;
  return (
    <label className="hsk-standard">
      <span>{labels.legend}</span>{' '}
      <select value={settings.hskStandard} onChange={(e) => update({ hskStandard: e.target.value as HskStandard })}>
        {HSK_STANDARDS.map((s) => (
          <option key={s} value={s}>
            {labels.options[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
