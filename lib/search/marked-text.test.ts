import { describe, expect, it } from 'vitest';
import { markedLine } from './marked-text';

describe('markedLine', () => {
  it('marks the matches and keeps the text on one line', () => {
    const parts = [
      { text: '中俄', mark: false },
      { text: '合作', mark: true },
      { text: '\n关系', mark: false },
    ];
    expect(markedLine(parts, { open: '[', close: ']' })).toBe('中俄[合作] ¶ 关系');
    expect(markedLine([], { open: '[', close: ']' })).toBe('');
  });
});
