import { useSyncExternalStore } from 'react';

/**
 * A value kept in the browser's localStorage under one key, readable as React state: every
 * component using it re-renders when it changes, in this tab or in another (the `storage` event).
 * Storage can hold anything (an older version's shape, a hand edit, nothing) and can be missing
 * or refuse writes (private windows, blocked site data, a full quota): `parse` turns whatever is
 * there into a valid value, and nothing here throws. The reader's settings and positions and the
 * saved vocabulary all live in one of these.
 */
export interface StoredValue<T> {
  get(): T;
  /** Stores the value; false when the browser refused (see `keepRefused`). */
  set(next: T | ((current: T) => T)): boolean;
  subscribe(listener: () => void): () => void;
}

export interface StoredValueOptions<T> {
  /** Whatever storage holds (null: nothing) → a valid value. */
  parse: (stored: string | null) => T;
  /** The value as stored; null removes the key. JSON by default. */
  serialise?: (value: T) => string | null;
  /** The value on the server, during hydration and where storage is unreadable. */
  initial: T;
  /**
   * When the browser refuses a write, keep the value for this page (a setting still applies) or
   * drop it (saved data must not look saved when it is not). Kept by default.
   */
  keepRefused?: boolean;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Reading `localStorage` itself throws when site data is blocked.
    return null;
  }
}

export function storedValue<T>(
  key: string,
  { parse, serialise = JSON.stringify, initial, keepRefused = true }: StoredValueOptions<T>,
): StoredValue<T> {
  // The last raw text and its parse: React must see the same object while storage is unchanged.
  let raw: string | null | undefined;
  let value = initial;
  // What this page wrote when the browser refused to store it.
  let unstored: { value: T } | null = null;
  const listeners = new Set<() => void>();

  function read(): string | null {
    try {
      return storage()?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  function get(): T {
    if (typeof window === 'undefined') return initial;
    if (unstored) return unstored.value;
    const current = read();
    if (current !== raw) {
      raw = current;
      value = parse(current);
    }
    return value;
  }

  function notify(): void {
    for (const listener of listeners) listener();
  }

  function set(next: T | ((current: T) => T)): boolean {
    const updated = typeof next === 'function' ? (next as (current: T) => T)(get()) : next;
    const text = serialise(updated);
    let stored = false;
    try {
      const store = storage();
      if (store) {
        if (text === null) store.removeItem(key);
        else store.setItem(key, text);
        stored = true;
      }
    } catch {
      stored = false;
    }
    unstored = stored || !keepRefused ? null : { value: updated };
    notify();
    return stored;
  }

  const onStorage = (event: StorageEvent) => {
    // key null: another tab called localStorage.clear().
    if (event.key === key || event.key === null) {
      unstored = null;
      notify();
    }
  };

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    if (listeners.size === 1 && typeof window !== 'undefined') window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
    };
  }

  return { get, set, subscribe };
}

/** The value as React state; the server (and hydration) render `initial`. */
export function useStoredValue<T>(store: StoredValue<T>, initial: T): T {
  return useSyncExternalStore(store.subscribe, store.get, () => initial);
}
