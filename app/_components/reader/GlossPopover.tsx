import { getTranslations } from 'next-intl/server';
import type { GlossLabels } from './GlossCard';
import { GlossPopoverLazy } from './GlossPopoverLazy';
import '@/app/styles/gloss.css';

export type { GlossLabels };

const LEVELS = [1, 2, 3, 4, 5, 6];
/** The statuses' ids in messages (Gloss.statusShort / statusLong). */
const STATUS_IDS = ['new', '1', '2', '3', '4', 'known', 'ignored'] as const;

/**
 * The reader's dictionary popover. A server component, so that it reads its own strings (the
 * client gets no message catalogue): the page passes the strings it always did, the ones added
 * since (HSK level, nested words, the term link) are read here.
 */
export async function GlossPopover({ labels, doc }: { labels: GlossLabels; doc: { id: string; title: string } }) {
  const t = await getTranslations('Gloss');
  return (
    <GlossPopoverLazy
      doc={doc}
      labels={{
        ...labels,
        hsk: LEVELS.map((level) => t('hsk', { level })),
        hskTitle: LEVELS.map((level) => t('hskTitle', { level })),
        around: t('around'),
        // The character is filled in on the client.
        covering: t('covering', { char: '{char}' }),
        inside: t('inside'),
        // The word is filled in on the client.
        back: t('back', { word: '{word}' }),
        termPage: t('termPage'),
        inCorpus: t('inCorpus'),
        wordStatus: {
          legend: t('statusLegend'),
          short: Object.fromEntries(STATUS_IDS.map((id) => [id, t(`statusShort.${id}`)])),
          long: Object.fromEntries(STATUS_IDS.map((id) => [id, t(`statusLong.${id}`)])),
          changed: t('statusChanged', { word: '{word}', status: '{status}' }),
        },
        saveWord: {
          save: t('save'),
          saved: t('saved'),
          savedStatus: t('savedStatus'),
          removedStatus: t('removedStatus'),
          failedStatus: t('saveFailed'),
        },
      }}
    />
  );
}
