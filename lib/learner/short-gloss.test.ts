import { describe, expect, it } from 'vitest';
import type { DictEntry } from '@/lib/model';
import { SHORT_GLOSS_MAX, shortGloss, shortGlossKey } from './short-gloss';

const entry = (pinyin: string, senses: string[], simplified = '行'): DictEntry => ({
  traditional: simplified,
  simplified,
  pinyin,
  pinyinNumbered: '',
  senses,
});

describe('shortGloss', () => {
  it('takes the entry read as the text reads the word', () => {
    const entries = [entry('xíng', ['to walk', 'to go']), entry('háng', ['row', 'line', 'commercial firm'])];
    expect(shortGloss(entries, 'háng')).toBe('row');
    expect(shortGloss(entries, 'xíng')).toBe('to walk');
  });

  it('prefers the exact case: shí dài is an era, Shí dài a magazine', () => {
    const entries = [entry('Shí dài', ['Time, US weekly news magazine']), entry('shí dài', ['age', 'era', 'epoch'])];
    expect(shortGloss(entries, 'shí dài')).toBe('age');
  });

  it('skips cross-references and surnames, and drops bracketed notes', () => {
    expect(shortGloss([entry('lǐ', ['surname Li', 'plum'])], 'lǐ')).toBe('plum');
    expect(shortGloss([entry('zhe', ['variant of 著[zhe5]', '(particle) -ing'])], 'zhe')).toBe('-ing');
    expect(shortGloss([entry('àn', ['(of a river) bank [lit.]'])], 'àn')).toBe('bank');
  });

  it('takes the first of the near-synonyms a sense packs together', () => {
    expect(shortGloss([entry('hé zuò', ['to cooperate; to collaborate; to work together'], '合作')], 'hé zuò')).toBe(
      'to cooperate',
    );
  });

  it('keeps the head of a meaning before a comma', () => {
    expect(
      shortGloss([entry('Xí Jìn píng', ['Xi Jinping (1953-), PRC president from 2013'], '习近平')], 'Xí Jìn píng'),
    ).toBe('Xi Jinping');
  });

  it('cuts long meanings at a word boundary', () => {
    const gloss = shortGloss([entry('x', ['a very long meaning that would never fit under one word'])], 'x');
    expect(Array.from(gloss).length).toBeLessThanOrEqual(SHORT_GLOSS_MAX);
    expect(gloss.endsWith('…')).toBe(true);
    expect(gloss).toBe('a very long meaning…');
  });

  it('is empty when nothing is a meaning', () => {
    expect(shortGloss([], 'x')).toBe('');
    expect(shortGloss([entry('x', ['variant of 好[hao3]'])], 'x')).toBe('');
  });

  it('keys by dictionary key and reading', () => {
    expect(shortGlossKey('行', 'háng')).not.toBe(shortGlossKey('行', 'xíng'));
  });
});
