'use client';

import { useRef, useState, useSyncExternalStore } from 'react';
import { knownCount } from '@/lib/learner/known-words';
import { exportKnownWords, importKnownWords, useKnownWords } from '@/lib/learner/known-words-store';
import { downloadText } from './download';

export interface KnownWordsLabels {
  title: string;
  /** {known} and {total} filled in here. */
  summary: string;
  none: string;
  export: string;
  import: string;
  /** {count} filled in here. */
  imported: string;
  importFailed: string;
}

/** The largest file read: a status list of 100,000 words is about 3 MB. */
const MAX_FILE = 8 * 1024 * 1024;
const noSubscription = () => () => {};

/**
 * The learner's word statuses, moved between browsers as a JSON file: exported as stored, imported
 * by merging (the file's status wins for a word both have). A file that holds no valid status
 * changes nothing and says so.
 */
export function KnownWordsTransfer({ labels }: { labels: KnownWordsLabels }) {
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
        ? { text: labels.importFailed, error: true }
        : { text: labels.imported.replace('{count}', String(n)), error: false },
    );
    if (input.current) input.current.value = '';
  };
  return (
    <section className="known-transfer" aria-labelledby="known-transfer-title">
      <h2 id="known-transfer-title">{labels.title}</h2>
      <p className="known-summary">
        {total === 0
          ? labels.none
          : labels.summary.replace('{known}', String(knownCount(words))).replace('{total}', String(total))}
      </p>
      <div className="known-actions">
        <button
          type="button"
          className="vocab-export-button"
          disabled={total === 0}
          onClick={() => downloadText(exportKnownWords(), 'duizhao-known-words.json', 'application/json')}
        >
          {labels.export}
        </button>
        <label className="vocab-export-button known-import">
          {labels.import}
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
