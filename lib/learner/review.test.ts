import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import {
  dueCounts,
  dueWords,
  gradeCard,
  gradeIntervals,
  intervalParts,
  parseReviewCards,
  pruneCards,
  serialiseReviewCards,
  cardKey,
} from './review';
import type { SavedWord } from './vocabulary';

const word = (simplified: string, savedAt: string, docId = 'doc-a'): SavedWord => ({
  word: simplified,
  simplified,
  pinyin: 'x',
  meaning: 'm',
  sentence: `${simplified}。`,
  translation: 't',
  source: { docId, title: 'T', pair: 0 },
  savedAt,
});

const now = new Date('2026-12-06T12:00:00Z');
const words = [
  word('合作', '2026-12-05T10:00:00Z'),
  word('人民', '2026-12-04T10:00:00Z'),
  word('发展', '2026-12-03T10:00:00Z'),
];

describe('review', () => {
  it('makes every saved word a new card, due at once, oldest saved first', () => {
    expect(dueCounts(words, {}, now)).toEqual({ new: 3, review: 0 });
    expect(dueWords(words, {}, now).map((w) => w.simplified)).toEqual(['发展', '人民', '合作']);
  });

  it('schedules by FSRS: Again comes back within the session, Easy days later, and the card is no longer due', () => {
    const intervals = gradeIntervals({}, words[0]!, now);
    expect(intervals[Rating.Again]).toBeLessThan(60 * 60_000);
    expect(intervals[Rating.Easy]).toBeGreaterThan(24 * 60 * 60_000);
    expect(intervals[Rating.Again]).toBeLessThan(intervals[Rating.Hard]);
    expect(intervals[Rating.Good]).toBeLessThan(intervals[Rating.Easy]);
    const cards = gradeCard({}, words[0]!, Rating.Easy, now);
    expect(dueCounts(words, cards, now)).toEqual({ new: 2, review: 0 });
    const later = new Date(now.getTime() + 400 * 24 * 60 * 60_000);
    expect(dueCounts(words, cards, later)).toEqual({ new: 2, review: 1 });
    expect(dueWords(words, cards, later)[0]!.simplified).toBe('合作');
  });

  it('reads its own shape back and drops bad cards without throwing', () => {
    const cards = gradeCard(gradeCard({}, words[0]!, Rating.Good, now), words[1]!, Rating.Again, now);
    expect(parseReviewCards(serialiseReviewCards(cards))).toEqual(cards);
    for (const bad of [null, '', '{', '[]', '{"cards": 3}']) expect(parseReviewCards(bad)).toEqual({});
    const stored = JSON.parse(serialiseReviewCards(cards)) as { cards: Record<string, Record<string, unknown>> };
    stored.cards[cardKey(words[0]!)]!.due = 'soon';
    stored.cards[cardKey(words[1]!)]!.stability = -1;
    stored.cards.other = { due: now.toISOString(), state: 9 };
    expect(parseReviewCards(JSON.stringify(stored))).toEqual({});
  });

  it('drops the cards of words no longer saved', () => {
    const cards = gradeCard({}, words[0]!, Rating.Good, now);
    expect(pruneCards(cards, words)).toBe(cards);
    expect(pruneCards(cards, words.slice(1))).toEqual({});
  });

  it('names intervals in the unit a learner reads', () => {
    expect(intervalParts(30_000)).toEqual({ unit: 'minute', value: 1 });
    expect(intervalParts(10 * 60_000)).toEqual({ unit: 'minute', value: 10 });
    expect(intervalParts(3 * 3600_000)).toEqual({ unit: 'hour', value: 3 });
    expect(intervalParts(4 * 86_400_000)).toEqual({ unit: 'day', value: 4 });
    expect(intervalParts(60 * 86_400_000)).toEqual({ unit: 'month', value: 2 });
  });
});
