/**
 * The learner's saved vocabulary: the data, the rules for keeping it (one entry per simplified word
 * and document; saving again updates it), the reading of stored data (localStorage can hold
 * anything: corrupt JSON, an older shape, items edited by hand — bad items are dropped, nothing
 * throws), and the two exports (Anki CSV, plain TSV). Pure functions, no browser APIs: the browser
 * side is `vocabulary-store.ts`.
 */
import { isDocId } from '../base/doc-id';
import { isRecord } from '../base/is-record';

export interface SavedWord {
  /** As written in the document (traditional for a traditional document). */
  word: string;
  simplified: string;
  /** Tone marks, syllables separated by spaces. */
  pinyin: string;
  /** CC-CEDICT senses, joined with "; ". */
  meaning: string;
  /** The Chinese sentence it was found in, as written. */
  sentence: string;
  /** That sentence's aligned English ('' when none). */
  translation: string;
  /** pair = 0-based pair id; the deep link is /<locale>/read/<docId>#p-<pair+1>. */
  source: { docId: string; title: string; pair: number };
  /** ISO timestamp. */
  savedAt: string;
}

export type VocabularyOrder = 'newest' | 'document' | 'pinyin';
export const VOCABULARY_ORDERS: readonly VocabularyOrder[] = ['newest', 'document', 'pinyin'];

/** The shape written to storage; `version` lets a later shape be told apart and read over. */
interface StoredVocabulary {
  version: 1;
  words: SavedWord[];
}
const VOCABULARY_VERSION = 1;

/**
 * Bounds on what is kept: storage is small (about 5 MB a site) and a hand-edited entry could be
 * huge. A word longer than its bound is not a word and is dropped; longer texts are cut.
 */
export const MAX_WORDS = 5000;
const MAX_WORD = 32;
const MAX_PINYIN = 200;
const MAX_TEXT = 2000;
const MAX_TITLE = 300;
/** Entries without a usable date sort as the oldest. */
const UNKNOWN_DATE = new Date(0).toISOString();

/** A string field cut to `max` code points (never between the halves of a surrogate pair); '' when not a string. */
function text(v: unknown, max: number): string {
  if (typeof v !== 'string') return '';
  const trimmed = v.trim();
  if (trimmed.length <= max) return trimmed;
  return Array.from(trimmed).slice(0, max).join('');
}

function isoDate(v: unknown): string {
  if (typeof v !== 'string') return UNKNOWN_DATE;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? UNKNOWN_DATE : new Date(ms).toISOString();
}

/**
 * One stored item as a SavedWord, or null when it cannot be one: a word, a valid document id and a
 * pair number are required; every other field falls back to '' (the title to the document id).
 */
export function toSavedWord(value: unknown): SavedWord | null {
  if (!isRecord(value) || !isRecord(value.source)) return null;
  const word = text(value.word, MAX_WORD + 1);
  if (word === '' || Array.from(word).length > MAX_WORD) return null;
  const { docId, pair } = value.source;
  if (typeof docId !== 'string' || !isDocId(docId)) return null;
  if (typeof pair !== 'number' || !Number.isSafeInteger(pair) || pair < 0) return null;
  const simplified = text(value.simplified, MAX_WORD + 1);
  return {
    word,
    simplified: simplified === '' || Array.from(simplified).length > MAX_WORD ? word : simplified,
    pinyin: text(value.pinyin, MAX_PINYIN),
    meaning: text(value.meaning, MAX_TEXT),
    sentence: text(value.sentence, MAX_TEXT),
    translation: text(value.translation, MAX_TEXT),
    source: { docId, title: text(value.source.title, MAX_TITLE) || docId, pair },
    savedAt: isoDate(value.savedAt),
  };
}

/** The identity of an entry: a word is saved once per document, whichever sentence it was saved from. */
export function wordKey(simplified: string, docId: string): string {
  return `${docId}\u0000${simplified}`;
}

const keyOf = (w: SavedWord) => wordKey(w.simplified, w.source.docId);

/** Newest first; the order entries are kept in. */
const byNewest = (a: SavedWord, b: SavedWord) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0);

/** One entry per key (the most recently saved wins), newest first, at most MAX_WORDS. */
export function dedupe(words: readonly SavedWord[]): SavedWord[] {
  const seen = new Map<string, SavedWord>();
  for (const w of words) {
    const key = keyOf(w);
    const kept = seen.get(key);
    if (!kept || w.savedAt > kept.savedAt) seen.set(key, w);
  }
  return [...seen.values()].sort(byNewest).slice(0, MAX_WORDS);
}

/**
 * What storage holds, as a clean list: never throws. Reads `{ version: 1, words: [...] }` and, as
 * an older or hand-made shape, a bare array of items; anything else is an empty list.
 */
export function parseVocabulary(raw: string | null | undefined): SavedWord[] {
  if (typeof raw !== 'string' || raw === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  const items = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.words) ? data.words : [];
  const words: SavedWord[] = [];
  // Bounded: a list far longer than MAX_WORDS is not ours to walk in full.
  for (const item of items.slice(0, MAX_WORDS * 2)) {
    const w = toSavedWord(item);
    if (w) words.push(w);
  }
  return dedupe(words);
}

export function serialiseVocabulary(words: readonly SavedWord[]): string {
  const stored: StoredVocabulary = { version: VOCABULARY_VERSION, words: [...words] };
  return JSON.stringify(stored);
}

/** The list with `word` saved: a new entry at the top, or the entry for the same word and document replaced (it moves to the top). */
export function upsertWord(words: readonly SavedWord[], word: SavedWord): SavedWord[] {
  const key = keyOf(word);
  return [word, ...words.filter((w) => keyOf(w) !== key)].slice(0, MAX_WORDS);
}

export function withoutWord(words: readonly SavedWord[], simplified: string, docId: string): SavedWord[] {
  const key = wordKey(simplified, docId);
  return words.filter((w) => keyOf(w) !== key);
}

export function hasWord(words: readonly SavedWord[], simplified: string, docId: string): boolean {
  const key = wordKey(simplified, docId);
  return words.some((w) => keyOf(w) === key);
}

/** Pinyin without tone marks, spaces or apostrophes, lower case: `hezuo` finds hé zuò. */
function toneless(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s'’]/g, '')
    .toLowerCase();
}

/** The entries matching a filter typed in Chinese (either script), pinyin (with or without tones), English or a document title. */
export function filterWords(words: readonly SavedWord[], query: string): SavedWord[] {
  const needle = query.trim();
  if (needle === '') return [...words];
  const lower = needle.toLowerCase();
  const plain = toneless(needle);
  return words.filter(
    (w) =>
      w.word.includes(needle) ||
      w.simplified.includes(needle) ||
      (plain !== '' && toneless(w.pinyin).includes(plain)) ||
      w.meaning.toLowerCase().includes(lower) ||
      w.source.title.toLowerCase().includes(lower),
  );
}

// Pinyin sorts by letters first, tones second (`Intl.Collator` compares accents after letters);
// ties by the word in the pinyin order of Chinese.
const latin = new Intl.Collator('en', { sensitivity: 'variant' });
const chinese = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** A new list in the chosen order: newest saved first, by document (title, then position in it), or by pinyin. */
export function sortWords(words: readonly SavedWord[], order: VocabularyOrder): SavedWord[] {
  const list = [...words];
  switch (order) {
    case 'newest':
      return list.sort(byNewest);
    case 'document':
      return list.sort(
        (a, b) =>
          chinese.compare(a.source.title, b.source.title) ||
          (a.source.docId < b.source.docId ? -1 : a.source.docId > b.source.docId ? 1 : 0) ||
          a.source.pair - b.source.pair ||
          byNewest(a, b),
      );
    case 'pinyin':
      return list.sort(
        (a, b) =>
          latin.compare(toneless(a.pinyin), toneless(b.pinyin)) ||
          latin.compare(a.pinyin, b.pinyin) ||
          chinese.compare(a.simplified, b.simplified),
      );
  }
}

/** The sentence cut around each occurrence of the word, for highlighting; the whole sentence unmarked when the word is not in it. */
export function highlightParts(sentence: string, word: string): Array<{ text: string; match: boolean }> {
  if (word === '' || !sentence.includes(word)) return sentence === '' ? [] : [{ text: sentence, match: false }];
  const parts: Array<{ text: string; match: boolean }> = [];
  // A well-formed needle never starts with a low surrogate, so indexOf never matches half a pair.
  sentence.split(word).forEach((piece, i) => {
    if (i > 0) parts.push({ text: word, match: true });
    if (piece !== '') parts.push({ text: piece, match: false });
  });
  return parts;
}

/** The reader's address of the pair a word was saved from. */
export function sourceHref(locale: string, source: SavedWord['source']): string {
  return `/${locale}/read/${encodeURIComponent(source.docId)}#p-${source.pair + 1}`;
}
