import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearVocabulary,
  getVocabulary,
  isSaved,
  removeWord,
  saveWord,
  subscribe,
  VOCABULARY_KEY,
} from './vocabulary-store';
import type { SavedWord } from './vocabulary';
import { MemoryStorage } from '../../tests/fixtures/memory-storage';

const word = (simplified: string, docId = 'doc-a', savedAt = '2026-05-20T10:00:00.000Z'): SavedWord => ({
  word: simplified,
  simplified,
  pinyin: '',
  meaning: '',
  sentence: '',
  translation: '',
  source: { docId, title: docId, pair: 0 },
  savedAt,
});

let store: MemoryStorage;
let win: EventTarget & { localStorage: MemoryStorage };

/** What another tab's write looks like here: storage changed, then a `storage` event. */
function otherTabWrites(value: string | null) {
  if (value === null) store.items.delete(VOCABULARY_KEY);
  else store.items.set(VOCABULARY_KEY, value);
  win.dispatchEvent(Object.assign(new Event('storage'), { key: VOCABULARY_KEY }));
}

beforeEach(() => {
  store = new MemoryStorage();
  win = Object.assign(new EventTarget(), { localStorage: store });
  vi.stubGlobal('window', win);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('vocabulary store', () => {
  it('saves, finds, updates, removes and clears', () => {
    expect(getVocabulary()).toEqual([]);
    expect(saveWord(word('合作'))).toBe(true);
    expect(saveWord(word('关系', 'doc-a', '2026-05-21T00:00:00.000Z'))).toBe(true);
    expect(isSaved('合作', 'doc-a')).toBe(true);
    expect(isSaved('合作', 'doc-b')).toBe(false);
    expect(saveWord({ ...word('合作'), sentence: 'again', savedAt: '2026-05-22T00:00:00.000Z' })).toBe(true);
    expect(getVocabulary().map((w) => [w.simplified, w.sentence])).toEqual([
      ['合作', 'again'],
      ['关系', ''],
    ]);
    expect(JSON.parse(store.getItem(VOCABULARY_KEY)!)).toMatchObject({ version: 1 });
    expect(removeWord('合作', 'doc-a')).toBe(true);
    expect(getVocabulary().map((w) => w.simplified)).toEqual(['关系']);
    expect(clearVocabulary()).toBe(true);
    expect(getVocabulary()).toEqual([]);
    expect(store.items.has(VOCABULARY_KEY)).toBe(false);
  });

  it('refuses an invalid word and reports a refused write without throwing', () => {
    expect(saveWord({ ...word('合作'), source: { docId: '../x', title: '', pair: 0 } })).toBe(false);
    store.refuse = true;
    expect(saveWord(word('合作'))).toBe(false);
    expect(getVocabulary()).toEqual([]);
  });

  it('gives the same snapshot until storage changes (useSyncExternalStore needs that)', () => {
    saveWord(word('合作'));
    const first = getVocabulary();
    expect(getVocabulary()).toBe(first);
    saveWord(word('关系'));
    expect(getVocabulary()).not.toBe(first);
  });

  it('reads corrupt storage as empty, and works with no window at all', () => {
    store.items.set(VOCABULARY_KEY, '{not json');
    expect(getVocabulary()).toEqual([]);
    expect(saveWord(word('合作'))).toBe(true);
    expect(getVocabulary()).toHaveLength(1);
    vi.stubGlobal('window', undefined);
    expect(getVocabulary()).toEqual([]);
    expect(saveWord(word('关系'))).toBe(false);
  });

  it('tells subscribers of changes made here and in another tab, until they unsubscribe', () => {
    const listener = vi.fn();
    const unsubscribe = subscribe(listener);
    saveWord(word('合作'));
    expect(listener).toHaveBeenCalledTimes(1);
    otherTabWrites(JSON.stringify({ version: 1, words: [word('安全')] }));
    expect(listener).toHaveBeenCalledTimes(2);
    expect(getVocabulary().map((w) => w.simplified)).toEqual(['安全']);
    win.dispatchEvent(Object.assign(new Event('storage'), { key: 'something-else' }));
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    otherTabWrites(null);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(getVocabulary()).toEqual([]);
  });
});
