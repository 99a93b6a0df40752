/**
 * The saved vocabulary in the browser: localStorage under one versioned key, nothing sent anywhere.
 * Components read it with `useVocabulary()` (React's useSyncExternalStore), which re-renders on a
 * change made here and on one made in another tab (the `storage` event). Storage can be missing,
 * full or refused (private windows, blocked site data): reads then give an empty list and writes
 * return false, never throw.
 */
import { storedValue, useStoredValue } from '@/lib/browser/stored';
import {
  hasWord,
  parseVocabulary,
  serialiseVocabulary,
  toSavedWord,
  upsertWord,
  withoutWord,
  type SavedWord,
} from './vocabulary';

/** The storage key; a new stored shape gets a new key, and `parseVocabulary` reads the old one. */
export const VOCABULARY_KEY = 'duizhao.vocabulary.v1';

const EMPTY: readonly SavedWord[] = Object.freeze([]);

const store = storedValue<readonly SavedWord[]>(VOCABULARY_KEY, {
  parse: (raw) => (raw === null ? EMPTY : Object.freeze(parseVocabulary(raw))),
  // An empty list leaves nothing behind in storage.
  serialise: (words) => (words.length === 0 ? null : serialiseVocabulary(words)),
  initial: EMPTY,
  keepRefused: false,
});

/** The saved words, newest first; the same array until storage changes. */
export const getVocabulary = (): readonly SavedWord[] => store.get();

export const subscribe = store.subscribe;

/**
 * Saves a word (the reader's popover calls this): a new entry, or the entry for the same simplified
 * word in the same document updated and moved to the top. The word is checked like stored data;
 * false when it is not valid or could not be stored.
 */
export function saveWord(word: SavedWord): boolean {
  const clean = toSavedWord(word);
  if (!clean) return false;
  return store.set((words) => upsertWord(words, clean));
}

export function removeWord(simplified: string, docId: string): boolean {
  return store.set((words) => withoutWord(words, simplified, docId));
}

export function clearVocabulary(): boolean {
  return store.set(EMPTY);
}

export function isSaved(simplified: string, docId: string): boolean {
  return hasWord(getVocabulary(), simplified, docId);
}

/** The saved words, newest first, kept current across tabs. */
export function useVocabulary(): readonly SavedWord[] {
  return useStoredValue(store, EMPTY);
}
