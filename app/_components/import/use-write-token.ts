'use client';

import { useCallback, useSyncExternalStore } from 'react';

const TOKEN_KEY = 'duizhao.writeToken';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const readToken = () => sessionStorage.getItem(TOKEN_KEY) ?? '';
// The server has no session: no token, so the page renders read-only until the browser says otherwise.
const noToken = () => '';

/**
 * The write token the reader entered in this tab (sessionStorage: gone when the tab closes), read
 * as an external store so the page picks it up after hydration without an effect that sets state.
 */
export function useWriteToken(): [string, (token: string) => void] {
  const token = useSyncExternalStore(subscribe, readToken, noToken);
  const setToken = useCallback((next: string) => {
    sessionStorage.setItem(TOKEN_KEY, next);
    for (const listener of listeners) listener();
  }, []);
  return [token, setToken];
}
