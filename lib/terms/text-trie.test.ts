import { describe, expect, it } from 'vitest';
import { ROOT, TextTrie } from './text-trie';

describe('TextTrie', () => {
  it('gives one node per string, whatever pieces it was extended by', () => {
    const trie = new TextTrie();
    const whole = trie.extend(ROOT, '合作伙伴');
    const pieces = trie.extend(trie.extend(ROOT, '合作'), '伙伴');
    const chars = ['合', '作', '伙', '伴'].reduce((node, ch) => trie.extend(node, ch), ROOT);
    expect(pieces).toBe(whole);
    expect(chars).toBe(whole);
    expect(trie.find(ROOT, '合作伙伴')).toBe(whole);
    expect(trie.extend(ROOT, '')).toBe(ROOT);
  });

  it('finds only what was made, and its prefixes', () => {
    const trie = new TextTrie();
    const node = trie.extend(ROOT, '中俄关系');
    expect(trie.find(ROOT, '中俄')).toBeGreaterThan(ROOT);
    expect(trie.find(trie.find(ROOT, '中俄'), '关系')).toBe(node);
    expect(trie.find(ROOT, '中美')).toBe(-1);
    expect(trie.find(ROOT, '中俄关系好')).toBe(-1);
    expect(trie.find(-1, '中')).toBe(-1);
  });

  it('numbers nodes in order of creation, alike for the same strings in the same order', () => {
    const strings = ['两国', '两国元首', '元首', '𠀀𠀁', 'cooperation'];
    const a = new TextTrie();
    const b = new TextTrie();
    const ids = strings.map((s) => a.extend(ROOT, s));
    expect(strings.map((s) => b.extend(ROOT, s))).toEqual(ids);
    expect(ids[0]).toBe(2); // 两 is 1
    expect(a.size).toBe(1 + 2 + 2 + 2 + 4 + 11);
  });

  it('keeps every string apart as it grows past its first table', () => {
    const trie = new TextTrie();
    const words = Array.from({ length: 20_000 }, (_, i) => `词${i.toString(36)}`);
    const nodes = words.map((w) => trie.extend(ROOT, w));
    expect(new Set(nodes).size).toBe(words.length);
    expect(words.map((w) => trie.find(ROOT, w))).toEqual(nodes);
    expect(trie.find(ROOT, '词zzzzzz')).toBe(-1);
  });
});
