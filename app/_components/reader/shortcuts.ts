/**
 * The reader's keyboard shortcuts: which key does what. Data and one pure function, so the help
 * dialog lists exactly the keys the reader answers to.
 */
export type ShortcutAction =
  'next' | 'previous' | 'pinyin' | 'reveal' | 'interlinear' | 'contents' | 'listen' | 'larger' | 'smaller' | 'help';

/** Each action with the keys that trigger it, in the order the help dialog lists them. */
export const SHORTCUTS: ReadonlyArray<{ action: ShortcutAction; keys: readonly string[] }> = [
  { action: 'next', keys: ['j'] },
  { action: 'previous', keys: ['k'] },
  { action: 'pinyin', keys: ['p'] },
  { action: 'reveal', keys: ['r'] },
  { action: 'interlinear', keys: ['i'] },
  { action: 'contents', keys: ['c'] },
  { action: 'listen', keys: ['l'] },
  { action: 'larger', keys: ['+', '='] },
  { action: 'smaller', keys: ['-'] },
  { action: 'help', keys: ['?'] },
];

const BY_KEY = new Map(SHORTCUTS.flatMap(({ action, keys }) => keys.map((key) => [key, action] as const)));

/** What a key press asks for, or null: keys typed into a field or with a modifier are not shortcuts. */
export function shortcutOf(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target as (HTMLElement & { isContentEditable?: boolean }) | null;
  if (
    target &&
    typeof target.closest === 'function' &&
    (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]'))
  ) {
    return null;
  }
  return BY_KEY.get(event.key) ?? BY_KEY.get(event.key.toLowerCase()) ?? null;
}
