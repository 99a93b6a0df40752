import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutOf } from './shortcuts';

const press = (
  key: string,
  extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: unknown }> = {},
) =>
  shortcutOf({ key, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra } as Parameters<
    typeof shortcutOf
  >[0]);

describe('shortcutOf', () => {
  it('maps the documented keys', () => {
    expect(press('j')).toBe('next');
    expect(press('k')).toBe('previous');
    expect(press('p')).toBe('pinyin');
    expect(press('r')).toBe('reveal');
    expect(press('?')).toBe('help');
    expect(press('J')).toBe('next');
  });

  it('ignores keys with a modifier (Ctrl+P prints) and keys typed into a field', () => {
    expect(press('p', { ctrlKey: true })).toBeNull();
    expect(press('j', { metaKey: true })).toBeNull();
    const input = { closest: (selector: string) => (selector.includes('input') ? {} : null), isContentEditable: false };
    expect(press('j', { target: input })).toBeNull();
    expect(press('x')).toBeNull();
  });

  it('gives every key one action', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
