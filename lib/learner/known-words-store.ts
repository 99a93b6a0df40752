/**
 * The learner's word statuses in the browser: localStorage under one versioned key, nothing sent
 * anywhere, current across tabs (see lib/browser/stored.ts). Reads of missing or refused storage
 * give no statuses; a refused write returns false and is not kept (a status must not look saved
 * when it is not).
 */
import { storedValue, useStoredValue } from '@/lib/browser/stored';
import {
  markNewKnown,
  mergeKnownWords,
  parseKnownWords,
  serialiseKnownWords,
  withStatus,
  type KnownWords,
  type WordStatus,
} from './known-words';

const KNOWN_WORDS_KEY = 'duizhao.known-words.v1';

const EMPTY: KnownWords = Object.freeze({});

const store = storedValue<KnownWords>(KNOWN_WORDS_KEY, {
  parse: (raw) => (raw === null ? EMPTY : parseKnownWords(raw)),
  serialise: (words) => (Object.keys(words).length === 0 ? null : serialiseKnownWords(words)),
  initial: EMPTY,
  keepRefused: false,
});

export function setWordStatus(word: string, status: WordStatus): boolean {
  return store.set((words) => withStatus(words, word, status));
}

export function markPageKnown(words: Iterable<string>): boolean {
  const page = [...words];
  return store.set((current) => markNewKnown(current, page));
}

/** Statuses from an exported file merged in; the number of words it held, or null when it held none. */
export function importKnownWords(text: string): number | null {
  const imported = parseKnownWords(text);
  const n = Object.keys(imported).length;
  if (n === 0) return null;
  return store.set((current) => mergeKnownWords(current, imported)) ? n : null;
}

export function exportKnownWords(): string {
  return serialiseKnownWords(store.get());
}

/** The statuses, kept current across tabs; the same object until they change. */
export function useKnownWords(): KnownWords {
  return useStoredValue(store, EMPTY);
}
