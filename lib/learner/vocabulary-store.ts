/**
 * The saved vocabulary in the browser: localStorage under one versioned key, nothing sent anywhere.
 * Components read it with `useVocabulary()` (React's useSyncExternalStore), which re-renders on a
 * change made here and on one made in another tab (the `storage` event). Storage can be missing,
 * full or refused (private windows, blocked site data): reads then give an empty list and writes
 * return false, never throw.
 */
import { useSyncExternalStore } from 'react';
import { hasWord, parseVocabulary, serialiseVocabulary, toSavedWord, upsertWord, withoutWord, type SavedWord } from './vocabulary';

/** The storage key; a new stored shape gets a new key, and `parseVocabulary` reads the old one. */
export const VOCABULARY_KEY = 'duizhao.vocabulary.v1';

const EMPTY: readonly SavedWord[] = Object.freeze([]);
const listeners = new Set<() => void>();
/** The last raw value read and its parse: the snapshot must stay the same object while storage does not change. */
let cache: { raw: string | null; words: readonly SavedWord[] } = { raw: null, words: EMPTY };

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Reading `localStorage` itself throws when site data is blocked.
    return null;
  }
}

function readRaw(): string | null {
  try {
    return storage()?.getItem(VOCABULARY_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The saved words, newest first; the same array until storage changes. */
export function getVocabulary(): readonly SavedWord[] {
  const raw = readRaw();
  if (raw !== cache.raw) cache = { raw, words: raw === null ? EMPTY : Object.freeze(parseVocabulary(raw)) };
  return cache.words;
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Writes the list; false when the browser refused (quota, blocked storage). */
function write(words: readonly SavedWord[]): boolean {
  const store = storage();
  if (!store) return false;
  try {
    if (words.length === 0) store.removeItem(VOCABULARY_KEY);
    else store.setItem(VOCABULARY_KEY, serialiseVocabulary(words));
  } catch {
    return false;
  } finally {
    notify();
  }
  return true;
}

/**
 * Saves a word (the reader's popover calls this): a new entry, or the entry for the same simplified
 * word in the same document updated and moved to the top. The word is checked like stored data;
 * false when it is not valid or could not be stored.
 */
export function saveWord(word: SavedWord): boolean {
  const clean = toSavedWord(word);
  if (!clean) return false;
  return write(upsertWord(getVocabulary(), clean));
}

export function removeWord(simplified: string, docId: string): boolean {
  return write(withoutWord(getVocabulary(), simplified, docId));
}

export function clearVocabulary(): boolean {
  return write(EMPTY);
}

export function isSaved(simplified: string, docId: string): boolean {
  return hasWord(getVocabulary(), simplified, docId);
}

function onStorage(event: StorageEvent): void {
  // key null: another tab called localStorage.clear().
  if (event.key === VOCABULARY_KEY || event.key === null) notify();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1 && typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}

/** On the server and during hydration: nothing is saved there. */
const serverSnapshot = () => EMPTY;

/** The saved words, newest first, kept current across tabs. */
export function useVocabulary(): readonly SavedWord[] {
  return useSyncExternalStore(subscribe, getVocabulary, serverSnapshot);
}
