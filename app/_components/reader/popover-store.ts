'use client';

import { useState, useSyncExternalStore } from 'react';
import type { Open } from './gloss-dom';

/** A word followed from the popover's nested words. */
export interface View {
  word: string;
  pinyin: string;
  /** Where it stands in the open word's context, when it does. */
  at: number | undefined;
}

export interface PopoverState {
  open: Open | null;
  /** The words followed from the open one; the last is shown. */
  trail: View[];
}

const CLOSED: PopoverState = { open: null, trail: [] };

export interface PopoverStore {
  get(): PopoverState;
  set(change: Partial<PopoverState>): void;
  subscribe(listener: () => void): () => void;
}

function createPopoverStore(): PopoverStore {
  let state = CLOSED;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(change) {
      state = { ...state, ...change };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Which word the popover shows and the trail followed from it, in one place. The document's
 * listeners read it synchronously (a click and the focus it causes arrive in one task, before
 * React renders) and React renders from it, so nothing is mirrored between state and refs.
 */
export function usePopoverStore(): [PopoverState, PopoverStore] {
  const [store] = useState(createPopoverStore);
  return [useSyncExternalStore(store.subscribe, store.get, () => CLOSED), store];
}
