'use client';

import { useTranslations } from 'next-intl';
import { useVocabulary, removeWord, saveWord } from '@/lib/learner/vocabulary-store';
import { hasWord } from '@/lib/learner/vocabulary';
import type { DictEntry } from '@/lib/model';
import { placeOf } from './word-context';

/** The senses of the entry read as the text reads the word (else the first), for the saved card. */
function meaningOf(entries: readonly DictEntry[], pinyin: string): string {
  const entry =
    entries.find((e) => e.pinyin === pinyin) ??
    entries.find((e) => e.pinyin.toLowerCase() === pinyin.toLowerCase()) ??
    entries[0];
  return entry ? entry.senses.join('; ') : '';
}

/**
 * Saves the word of the popover to the vocabulary list in this browser, with the sentence it was
 * found in and that sentence's aligned English; pressed again, it removes it.
 */
export function SaveWordButton({
  el,
  word,
  simplified,
  pinyin,
  entries,
  doc,
  onStatus,
}: {
  /** The word's span in the text: where its sentence is read from. */
  el: HTMLElement;
  word: string;
  simplified: string;
  pinyin: string;
  entries: readonly DictEntry[];
  doc: { id: string; title: string };
  onStatus: (message: string) => void;
}) {
  const t = useTranslations('Gloss');
  const saved = hasWord(useVocabulary(), simplified, doc.id);
  const toggle = () => {
    if (saved) {
      onStatus(removeWord(simplified, doc.id) ? t('removedStatus') : t('saveFailed'));
      return;
    }
    const place = placeOf(el);
    const ok = saveWord({
      word,
      simplified,
      pinyin,
      meaning: meaningOf(entries, pinyin),
      sentence: place.sentence,
      translation: place.translation,
      source: { docId: doc.id, title: doc.title, pair: place.pair ?? 0 },
      savedAt: new Date().toISOString(),
    });
    onStatus(ok ? t('savedStatus') : t('saveFailed'));
  };
  return (
    <button
      type="button"
      className={saved ? 'gloss-save gloss-saved' : 'gloss-save'}
      aria-pressed={saved}
      onClick={toggle}
    >
      <span aria-hidden="true">{saved ? '★' : '☆'}</span> {saved ? t('saved') : t('save')}
    </button>
  );
}
