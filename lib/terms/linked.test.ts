import { describe, expect, it } from 'vitest';
import { claimedElsewhere, consistentWithLinks, linkedRendering, renderingText, straddlesWords } from './linked';
import type { TermPair } from './pairs';

/** A one-bead pair: Chinese words laid end to end, English as given, links in Pharaoh text. */
function pair(words: string[], en: string, links: string): TermPair {
  const zh = words.join('');
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    starts.push(at);
    at += w.length;
  }
  starts.push(at);
  return { docId: 'd', pair: 0, zh, en, links: [{ zh: [0, zh.length], en: [0, en.length], words: { starts, links } }] };
}

describe('linkedRendering', () => {
  // 全面 战略 协作 伙伴 / comprehensive strategic partner of coordination
  const p = pair(
    ['全面', '战略', '协作', '伙伴'],
    'comprehensive strategic partner of coordination',
    '0-0 1-1 2-4 3-2',
  );

  it('is the span of the tokens linked to the term, whole', () => {
    const r = linkedRendering(p, 0, 8)!;
    expect(renderingText(p.en, r)).toBe('comprehensive strategic partner of coordination');
    expect(r.parts).toBeUndefined();
  });

  it('has a gap where tokens linked to other words sit inside', () => {
    const r = linkedRendering(p, 0, 6)!;
    expect(renderingText(p.en, r)).toBe('comprehensive strategic … coordination');
    expect(r.key).toMatch(/^comprehens\w* strateg\w* … coordin\w*$/);
  });

  it('trims function words at the edges and folds case in the key', () => {
    const q = pair(['两国', '合作'], 'The Two Countries cooperate', '0-0 0-1 0-2 1-3');
    const r = linkedRendering(q, 0, 2)!;
    expect(renderingText(q.en, r)).toBe('Two Countries');
    const lower = pair(['两国', '合作'], 'the two countries cooperate', '0-0 0-1 0-2 1-3');
    expect(linkedRendering(lower, 0, 2)!.key).toBe(r.key);
  });

  it('keeps the fuller of two parts that repeat each other, whichever comes first', () => {
    // 俄罗斯联邦 反垄断局 / the Federal Antimonopoly Service of the Russian Federation
    const q = pair(
      ['俄罗斯联邦', '反垄断局'],
      'the Federal Antimonopoly Service of the Russian Federation',
      '0-1 1-2 1-3 0-6 0-7',
    );
    const r = linkedRendering(q, 0, 5)!;
    expect(renderingText(q.en, r)).toBe('Russian Federation');
    expect(r.parts).toBeUndefined();
    const twice = pair(['合作', '和', '合作'], 'cooperation and cooperation', '0-0 1-1 2-2');
    expect(renderingText(twice.en, linkedRendering(twice, 0, 2)!)).toBe('cooperation');
  });

  it('gives null inside a longer word or with no link, undefined without word links', () => {
    const q = pair(['新时代', '。'], 'a new era.', '0-1 0-2 1-3');
    expect(linkedRendering(q, 1, 3)).toBeNull();
    expect(linkedRendering(pair(['中', '俄'], 'China', '0-0'), 1, 2)).toBeNull();
    expect(linkedRendering({ docId: 'd', pair: 0, zh: '中俄', en: 'China' }, 0, 2)).toBeUndefined();
  });
});

describe('straddlesWords', () => {
  // 重大 国际 问题 / major international issues
  const p = pair(['重大', '国际', '问题'], 'major international issues', '0-0 1-1 2-2');

  it('is true for characters matched across two words (大国 in 重大|国际)', () => {
    expect(straddlesWords(p, 1, 3)).toBe(true);
  });

  it('is false for whole words, runs of whole words and a part of one word', () => {
    expect(straddlesWords(p, 0, 2)).toBe(false);
    expect(straddlesWords(p, 0, 4)).toBe(false);
    expect(straddlesWords(pair(['新时代'], 'new era', '0-0 0-1'), 1, 3)).toBe(false);
    expect(straddlesWords({ docId: 'd', pair: 0, zh: '重大国际', en: 'major international' }, 1, 3)).toBe(false);
  });
});

describe('claimedElsewhere', () => {
  // 民心 相通 和 人民 / people-to-people bonds and the peoples
  const p = pair(['民心', '相通', '和', '人民'], 'people-to-people bonds and the peoples', '0-0 1-1 2-2 3-4');
  const span = (text: string): [number, number] => [p.en.indexOf(text), p.en.indexOf(text) + text.length];

  it('is true where every linked word of the span renders another Chinese word', () => {
    expect(claimedElsewhere(p, 5, 7, ...span('people-to-people'))).toBe(true);
    expect(consistentWithLinks(p, 5, 7, ...span('people-to-people'))).toBe(false);
  });

  it('is false where a word of the span is linked to the term, or nothing in it is linked', () => {
    expect(claimedElsewhere(p, 5, 7, ...span('the peoples'))).toBe(false);
    expect(claimedElsewhere(p, 5, 7, ...span('the'))).toBe(false);
    expect(claimedElsewhere({ docId: 'd', pair: 0, zh: p.zh, en: p.en }, 4, 6, 0, 5)).toBe(false);
  });
});
