import { describe, expect, it } from 'vitest';
import { cutSentence, excerpt, sentenceParts, SNIPPET_RADIUS, type HitPart } from './snippet';

const u = (text: string): HitPart => ({ text, mark: null });
const m = (text: string): HitPart => ({ text, mark: 'match' });

describe('excerpt', () => {
  it('keeps short texts whole', () => {
    const parts = [u('中俄'), m('合作'), u('深化')];
    expect(excerpt(parts, 5, 'zh')).toEqual(parts);
  });

  it('cuts long Chinese runs around marks between words, counting code points', () => {
    const out = excerpt(
      [u('中俄总理定期会晤机制是双边经贸'), m('合作'), u('的主要机制之一，也是最重要的机制')],
      6,
      'zh',
    );
    expect(out.map((p) => p.text)).toEqual(['…是双边经贸', '合作', '的主要机制…']);
  });

  it('never cuts an English word, hyphenated ones included', () => {
    const out = excerpt(
      [u('They said that ensuring high quality'), m(' development '), u('of good-neighbourliness and friendly ties')],
      12,
      'en',
    );
    expect(out.map((p) => p.text)).toEqual(['…high quality', ' development ', 'of…']);
    const words = new Set(
      'They said that ensuring high quality development of good-neighbourliness and friendly ties'.split(' '),
    );
    for (const p of out)
      for (const w of p.text.replace(/…/g, ' ').split(/\s+/).filter(Boolean)) expect(words).toContain(w);
    const mid = excerpt([m('a'), u('one two three four five six seven eight nine ten eleven'), m('b')], 10, 'en');
    expect(mid[1]!.text).toBe('one two… ten eleven');
  });

  it('counts astral characters as one', () => {
    const out = excerpt([u('𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇'), m('关系')], 3, 'zh');
    expect([...out[0]!.text.replace('…', '')].length).toBeLessThanOrEqual(3);
  });

  it('leaves a text without marks alone', () => {
    expect(excerpt([u('x'.repeat(50))], 3, 'en')).toEqual([u('x'.repeat(50))]);
  });
});

describe('sentenceParts', () => {
  it('cuts a sentence into matched, linked and plain runs that concatenate back to it', () => {
    const text = 'The two countries cooperate.';
    const parts = sentenceParts({ text, match: [[18, 27]], linked: [[4, 17]] });
    expect(parts).toEqual([
      { text: 'The ', mark: null },
      { text: 'two countries', mark: 'linked' },
      { text: ' ', mark: null },
      { text: 'cooperate', mark: 'match' },
      { text: '.', mark: null },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('lets a match win where it overlaps a linked word', () => {
    expect(sentenceParts({ text: '两国合作', match: [[0, 2]], linked: [[0, 4]] })).toEqual([
      { text: '两国', mark: 'match' },
      { text: '合作', mark: 'linked' },
    ]);
  });
});

describe('cutSentence', () => {
  const sentence = {
    text: 'In the new era, the comprehensive strategic partnership of coordination between the two countries has reached the highest level in history, and practical cooperation in every field keeps growing.',
    match: [[154, 165]] as Array<[number, number]>,
    linked: [[84, 97]] as Array<[number, number]>,
  };

  it('cuts the text and moves the marks onto the cut text, where they mark the same words', () => {
    const cut = cutSentence(sentence, 'en', 40);
    expect(cut.text.length).toBeLessThan(sentence.text.length);
    expect(cut.match.map(([s, e]) => cut.text.slice(s, e))).toEqual(['cooperation']);
    expect(cut.linked.map(([s, e]) => cut.text.slice(s, e))).toEqual(['two countries']);
    expect(cut.text).toContain('…');
    // Every word of the snippet is a whole word of the sentence.
    const words = new Set(sentence.text.split(/\s+/));
    for (const w of cut.text.split(/\s+|…/).filter(Boolean)) expect(words).toContain(w);
  });

  it('renders as the page rendered the whole sentence cut', () => {
    const cut = cutSentence(sentence, 'en', 40);
    expect(sentenceParts(cut)).toEqual(excerpt(sentenceParts(sentence), 40, 'en'));
  });

  it('keeps short sentences and the radius of each language', () => {
    expect(cutSentence(sentence, 'en')).toEqual(sentence);
    expect(cutSentence({ ...sentence, text: 'Two countries.' }, 'en', 40)).toEqual({
      ...sentence,
      text: 'Two countries.',
    });
    const zh = { text: '合作'.repeat(100), match: [[100, 102]] as Array<[number, number]>, linked: [] };
    const cut = cutSentence(zh, 'zh');
    expect(cut.match.map(([s, e]) => cut.text.slice(s, e))).toEqual(['合作']);
    expect([...cut.text].length).toBeLessThanOrEqual(2 * SNIPPET_RADIUS.zh + 2 + 2);
  });

  it('keeps a match that wins over an overlapping linked word', () => {
    const cut = cutSentence({ text: `两国合作${'。'.repeat(80)}`, match: [[0, 2]], linked: [[0, 4]] }, 'zh', 10);
    expect(cut.match).toEqual([[0, 2]]);
    expect(cut.linked).toEqual([[2, 4]]);
  });
});
