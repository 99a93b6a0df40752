'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, useSyncExternalStore } from 'react';
import { knownCount } from '@/lib/learner/known-words';
import { exportKnownWords, importKnownWords, useKnownWords } from '@/lib/learner/known-words-store';
import { downloadText } from './download';

/** The largest file read: a status list of 100,000 words is about 3 MB. */
const MAX_FILE = 8 * 1024 * 1024;
const noSubscription = () => () => {};

/**
 * The learner's word statuses, moved between browsers as a JSON file: exported as stored, imported
 * by merging (the file's status wins for a word both have). A file that holds no valid status
 * changes nothing and says so.
 */
export function KnownWordsTransfer() {
  const t = useTranslations('Vocabulary');
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const words = useKnownWords();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  if (!inBrowser) return null;
  const total = Object.keys(words).length;
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const n = file.size > MAX_FILE ? null : importKnownWords(await file.text());
    setMessage(
      n === null
        ? { text: t('knownImportFailed'), error: true }
        : { text: t('knownImported', { count: n }), error: false },
    );
    if (input.current) input.current.value = '';
  };
  return (
    <section className="known-transfer" aria-labelledby="known-transfer-title">
      <h2 id="known-transfer-title">{t('knownTitle')}</h2>
      <p className="known-summary">
        {total === 0 ? t('knownNone') : t('knownSummary', { known: knownCount(words), total })}
      </p>
      <div className="known-actions">
        <button
          type="button"
          className="vocab-export-button"
          disabled={total === 0}
          onClick={() => downloadText(exportKnownWords(), 'duizhao-known-words.json', 'application/json')}
        >
          {t('knownExport')}
        </button>
        <label className="vocab-export-button known-import">
          {t('knownImport')}
          <input
            ref={input}
            type="file"
            accept="application/json,.json"
            className="sr-only"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
      </div>
      {message ? (
        <p className={message.error ? 'vocab-error' : 'known-imported'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
