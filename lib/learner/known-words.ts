/**
 * The learner's word statuses, as LingQ and Lute keep them: every word is new until the learner
 * says otherwise — learning (1–4, from just met to nearly known), known, or ignored (names, words
 * not worth learning). One status per simplified word, shared by every document (a word known in a
 * simplified text is known in a traditional one). Pure functions: the data, its reading from
 * storage or an imported file (anything can be there: bad entries are dropped, nothing throws),
 * and the figures the library shows. The browser side is `known-words-store.ts`.
 */
import { HAN } from '../base/han';
import { isRecord } from '../base/is-record';

export const WORD_STATUSES = ['new', 1, 2, 3, 4, 'known', 'ignored'] as const;
export type WordStatus = (typeof WORD_STATUSES)[number];
/** A status worth storing: `new` is the absence of one. */
type StoredStatus = Exclude<WordStatus, 'new'>;
export type KnownWords = Readonly<Record<string, StoredStatus>>;

/** The shape written to storage and to an export file. */
interface StoredKnownWords {
  format: 'duizhao-known-words';
  version: 1;
  words: Record<string, StoredStatus>;
}

/** Bounds: storage is about 5 MB a site; a learner of many years knows some 20,000 words. */
export const MAX_KNOWN_WORDS = 100_000;
const MAX_WORD = 32;

function isStoredStatus(value: unknown): value is StoredStatus {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 'known' || value === 'ignored';
}

/** A word worth a status: some Han, not too long, no spaces or controls. */
function isStatusWord(word: string): boolean {
  return HAN.test(word) && [...word].length <= MAX_WORD && !/[\s\p{Cc}]/u.test(word);
}

/**
 * The statuses in whatever storage or a file held: the stored shape, or a bare `{ word: status }`
 * object (a hand-made list). Entries with a bad word or status are dropped; more than
 * MAX_KNOWN_WORDS are cut. Never throws.
 */
export function parseKnownWords(text: string | null): KnownWords {
  let raw: unknown = null;
  try {
    raw = text === null ? null : JSON.parse(text);
  } catch {
    return {};
  }
  if (!isRecord(raw)) return {};
  const record = raw;
  const words = record.format === 'duizhao-known-words' && isRecord(record.words) ? record.words : record;
  const out = new Map<string, StoredStatus>();
  for (const [word, status] of Object.entries(words)) {
    if (out.size >= MAX_KNOWN_WORDS) break;
    if (isStatusWord(word) && isStoredStatus(status)) out.set(word, status);
  }
  // fromEntries defines own properties, so a "__proto__" word could never reach the prototype.
  return Object.freeze(Object.fromEntries(out));
}

export function serialiseKnownWords(words: KnownWords): string {
  const stored: StoredKnownWords = { format: 'duizhao-known-words', version: 1, words: { ...words } };
  return JSON.stringify(stored);
}

/** The status of a word (new when none is stored). */
export function statusOf(words: KnownWords, word: string): WordStatus {
  return Object.hasOwn(words, word) ? words[word]! : 'new';
}

/** The statuses with one word's changed (`new` removes it); the same object when nothing changes. */
export function withStatus(words: KnownWords, word: string, status: WordStatus): KnownWords {
  if (!isStatusWord(word) || statusOf(words, word) === status) return words;
  const next: Record<string, StoredStatus> = { ...words };
  if (status === 'new') delete next[word];
  else next[word] = status;
  return Object.freeze(next);
}

/** "Mark the rest known": every word given that is still new becomes known; others keep theirs. */
export function markNewKnown(words: KnownWords, page: Iterable<string>): KnownWords {
  const next: Record<string, StoredStatus> = { ...words };
  let changed = false;
  for (const word of page) {
    if (isStatusWord(word) && !Object.hasOwn(next, word)) {
      next[word] = 'known';
      changed = true;
    }
  }
  return changed ? Object.freeze(next) : words;
}

/** Imported statuses merged over the learner's own (the file wins where both have a word). */
export function mergeKnownWords(own: KnownWords, imported: KnownWords): KnownWords {
  return Object.freeze({ ...own, ...imported });
}

/** How many words the learner knows (status known). */
export function knownCount(words: KnownWords): number {
  let n = 0;
  for (const status of Object.values(words)) if (status === 'known') n++;
  return n;
}

/**
 * The share (0..1) of a document's running words the learner knows, as LingQ reckons it: known
 * words over running words, ignored words (names, numbers) left out of both; null when nothing is
 * left to count.
 */
export function knownShare(
  words: KnownWords,
  counts: Readonly<Record<string, readonly [number, ...unknown[]]>>,
): number | null {
  let total = 0;
  let known = 0;
  for (const [word, entry] of Object.entries(counts)) {
    const count = entry[0];
    const status = statusOf(words, word);
    if (status === 'ignored') continue;
    total += count;
    if (status === 'known') known += count;
  }
  return total === 0 ? null : known / total;
}

/**
 * The keys that set the status of the word open in the popover, as Lute has them: 1–4 learning,
 * 5 or w known ("well known"), x ignored, 0 new again. None is a reader shortcut.
 */
export const STATUS_KEYS: Readonly<Record<string, WordStatus>> = Object.freeze({
  '0': 'new',
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 'known',
  w: 'known',
  x: 'ignored',
});
