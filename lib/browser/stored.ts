import { useSyncExternalStore } from 'react';

/**
 * A value kept in the browser's localStorage under one key, readable as React state: every
 * component using it re-renders when it changes, in this tab or in another (the `storage` event).
 * Storage can hold anything (an older version's shape, a hand edit, nothing) and can be missing
 * or full (private windows, quotas): `parse` turns whatever is there into a valid value, and a
 * failed write keeps the value for this page rather than throwing.
 */
export interface StoredValue<T> {
  get(): T;
  set(next: T | ((current: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

export function storedValue<T>(key: string, parse: (stored: string | null) => T, initial: T): StoredValue<T> {
  let raw: string | null | undefined;
  let value = initial;
  const listeners = new Set<() => void>();

  function read(): string | null {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return raw ?? null;
    }
  }

  function get(): T {
    if (typeof window === 'undefined') return initial;
    const current = read();
    // Parsed once per change of the stored text, so React sees the same object until it changes.
    if (current !== raw) {
      raw = current;
      value = parse(current);
    }
    return value;
  }

  function set(next: T | ((current: T) => T)): void {
    const updated = typeof next === 'function' ? (next as (current: T) => T)(get()) : next;
    const text = JSON.stringify(updated);
    try {
      window.localStorage.setItem(key, text);
    } catch {
      // Storage refused (quota, privacy mode): the value lives on for this page only.
    }
    raw = text;
    value = updated;
    for (const listener of listeners) listener();
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    const onStorage = (event: StorageEvent) => {
      if (event.key === key || event.key === null) listener();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  }

  return { get, set, subscribe };
}

/** The value as React state; the server (and hydration) render `initial`. */
export function useStoredValue<T>(store: StoredValue<T>, initial: T): T {
  return useSyncExternalStore(store.subscribe, store.get, () => initial);
}
