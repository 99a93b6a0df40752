import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storedValue } from './stored';
import { MemoryStorage } from '../../tests/fixtures/memory-storage';

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('window', Object.assign(new EventTarget(), { localStorage: storage }));
});
afterEach(() => vi.unstubAllGlobals());

const parse = (raw: string | null) => (raw === null ? 0 : Number(JSON.parse(raw)) || 0);

describe('storedValue', () => {
  it('parses what storage holds once per change, and writes JSON', () => {
    storage.items.set('k', '41');
    const spy = vi.fn(parse);
    const value = storedValue('k', { parse: spy, initial: 0 });
    expect(value.get()).toBe(41);
    expect(value.get()).toBe(41);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(value.set((n) => n + 1)).toBe(true);
    expect(storage.items.get('k')).toBe('42');
    expect(value.get()).toBe(42);
  });

  it('keeps a refused value for the page, or drops it when asked to', () => {
    storage.refuse = true;
    const kept = storedValue('a', { parse, initial: 0 });
    expect(kept.set(5)).toBe(false);
    expect(kept.get()).toBe(5);
    const dropped = storedValue('b', { parse, initial: 0, keepRefused: false });
    expect(dropped.set(5)).toBe(false);
    expect(dropped.get()).toBe(0);
  });

  it('removes the key when the value serialises to null, and tells subscribers', () => {
    const value = storedValue('k', { parse, initial: 0, serialise: (n) => (n === 0 ? null : String(n)) });
    const listener = vi.fn();
    const unsubscribe = value.subscribe(listener);
    value.set(3);
    expect(storage.items.has('k')).toBe(true);
    value.set(0);
    expect(storage.items.has('k')).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    value.set(1);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('gives the initial value without a window', () => {
    vi.unstubAllGlobals();
    expect(storedValue('k', { parse, initial: 7 }).get()).toBe(7);
  });
});
