import { DEFAULT_SETTINGS, parseSettings, type ReaderSettings } from '@/lib/learner/settings';
import { storedValue, useStoredValue } from '@/lib/browser/stored';

/** The reader's settings in this browser (one set for every document). */
const settingsStore = storedValue<ReaderSettings>('duizhao.reader.settings.v1', {
  parse: parseSettings,
  initial: DEFAULT_SETTINGS,
});

export function useReaderSettings(): [
  ReaderSettings,
  (change: Partial<ReaderSettings> | ((s: ReaderSettings) => Partial<ReaderSettings>)) => void,
] {
  const settings = useStoredValue(settingsStore, DEFAULT_SETTINGS);
  const update = (change: Partial<ReaderSettings> | ((s: ReaderSettings) => Partial<ReaderSettings>)) =>
    settingsStore.set((current) => ({ ...current, ...(typeof change === 'function' ? change(current) : change) }));
  return [settings, update];
}

/** Where the reader was in each document: document id → pair id. */
function parsePositions(stored: string | null): Record<string, number> {
  try {
    const raw: unknown = stored === null ? null : JSON.parse(stored);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const positions: Record<string, number> = {};
    for (const [doc, pair] of Object.entries(raw)) {
      if (typeof pair === 'number' && Number.isInteger(pair) && pair >= 0) positions[doc] = pair;
    }
    return positions;
  } catch {
    return {};
  }
}

export const positionStore = storedValue<Record<string, number>>('duizhao.reader.position.v1', {
  parse: parsePositions,
  initial: {},
});
