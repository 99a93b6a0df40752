/**
 * Review of the saved words with FSRS (the scheduler of Anki 23.10+, from the `ts-fsrs` package;
 * no hand-written intervals). Every saved word is a card; one never reviewed is new and due at
 * once. The cards' scheduling state is kept apart from the vocabulary (same key: the simplified
 * word and its document), so the vocabulary's shape and its Anki export stay as they were.
 * Pure functions; the browser side is `review-store.ts`.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from 'ts-fsrs';
import { wordKey, type SavedWord } from './vocabulary';
import { isRecord } from '../base/is-record';

/** The four grades, as Anki names them. */
export const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const satisfies readonly Grade[];
export type ReviewGrade = (typeof GRADES)[number];

/** A card's scheduling state as stored: ts-fsrs's Card with dates as ISO strings. */
interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: State;
  last_review?: string;
}

export type ReviewCards = Readonly<Record<string, StoredCard>>;

/** Fuzz spreads cards saved together over neighbouring days, as Anki does. */
const scheduler = fsrs(generatorParameters({ enable_fuzz: true }));

const STATES: readonly number[] = [State.New, State.Learning, State.Review, State.Relearning];
const MAX_CARDS = 5000;

function finite(v: unknown, min = 0): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min;
}

function isoDate(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** One stored card, or null when any field is missing or out of range. */
function toStoredCard(value: unknown): StoredCard | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const c = value as Record<string, unknown>;
  const due = isoDate(c.due);
  if (due === null || !STATES.includes(c.state as number)) return null;
  for (const field of [
    'stability',
    'difficulty',
    'elapsed_days',
    'scheduled_days',
    'learning_steps',
    'reps',
    'lapses',
  ] as const)
    if (!finite(c[field])) return null;
  const lastReview = c.last_review === undefined ? undefined : isoDate(c.last_review);
  if (lastReview === null) return null;
  return {
    due,
    stability: c.stability as number,
    difficulty: c.difficulty as number,
    elapsed_days: c.elapsed_days as number,
    scheduled_days: c.scheduled_days as number,
    learning_steps: c.learning_steps as number,
    reps: c.reps as number,
    lapses: c.lapses as number,
    state: c.state as State,
    ...(lastReview !== undefined ? { last_review: lastReview } : {}),
  };
}

/** The cards in whatever storage held; bad entries dropped, never throws. */
export function parseReviewCards(text: string | null): ReviewCards {
  let raw: unknown;
  try {
    raw = text === null ? null : JSON.parse(text);
  } catch {
    return {};
  }
  const cards = isRecord(raw) ? raw.cards : null;
  if (!isRecord(cards)) return {};
  const out = new Map<string, StoredCard>();
  for (const [key, value] of Object.entries(cards)) {
    if (out.size >= MAX_CARDS) break;
    const card = toStoredCard(value);
    if (card && key.length <= 200) out.set(key, card);
  }
  return Object.freeze(Object.fromEntries(out));
}

export function serialiseReviewCards(cards: ReviewCards): string {
  return JSON.stringify({ version: 1, cards });
}

function toCard(stored: StoredCard): Card {
  return {
    ...stored,
    due: new Date(stored.due),
    ...(stored.last_review ? { last_review: new Date(stored.last_review) } : {}),
  } as Card;
}

function toStored(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

export const cardKey = (word: SavedWord): string => wordKey(word.simplified, word.source.docId);

/** A saved word's card: its stored state, or a new card due now. */
function cardOf(cards: ReviewCards, word: SavedWord, now: Date): Card {
  const key = cardKey(word);
  return Object.hasOwn(cards, key) ? toCard(cards[key]!) : createEmptyCard(now);
}

export interface DueCounts {
  /** Never reviewed. */
  new: number;
  /** Reviewed before and due again (learning or review). */
  review: number;
}

/** The saved words due for review now, new ones last (oldest saved first), as Anki orders them. */
export function dueWords(words: readonly SavedWord[], cards: ReviewCards, now: Date): SavedWord[] {
  const due: Array<{ word: SavedWord; at: number; isNew: boolean }> = [];
  for (const word of words) {
    const key = cardKey(word);
    const stored = Object.hasOwn(cards, key) ? cards[key] : undefined;
    if (!stored) due.push({ word, at: Date.parse(word.savedAt), isNew: true });
    else if (Date.parse(stored.due) <= now.getTime()) due.push({ word, at: Date.parse(stored.due), isNew: false });
  }
  return due.sort((a, b) => Number(a.isNew) - Number(b.isNew) || a.at - b.at).map((d) => d.word);
}

export function dueCounts(words: readonly SavedWord[], cards: ReviewCards, now: Date): DueCounts {
  let fresh = 0;
  let review = 0;
  for (const word of words) {
    const key = cardKey(word);
    const stored = Object.hasOwn(cards, key) ? cards[key] : undefined;
    if (!stored) fresh++;
    else if (Date.parse(stored.due) <= now.getTime()) review++;
  }
  return { new: fresh, review };
}

/** The cards after grading one word's card now. */
export function gradeCard(cards: ReviewCards, word: SavedWord, grade: ReviewGrade, now: Date): ReviewCards {
  const next = scheduler.next(cardOf(cards, word, now), now, grade);
  return Object.freeze({ ...cards, [cardKey(word)]: toStored(next.card) });
}

/** When each grade would next show the card: ms from now, for the buttons' labels. */
export function gradeIntervals(cards: ReviewCards, word: SavedWord, now: Date): Record<ReviewGrade, number> {
  const preview = scheduler.repeat(cardOf(cards, word, now), now);
  const out = {} as Record<ReviewGrade, number>;
  for (const grade of GRADES) out[grade] = preview[grade].card.due.getTime() - now.getTime();
  return out;
}

/** Cards of words no longer saved are dropped (a removed word leaves nothing behind). */
export function pruneCards(cards: ReviewCards, words: readonly SavedWord[]): ReviewCards {
  const keep = new Set(words.map(cardKey));
  const kept = Object.entries(cards).filter(([key]) => keep.has(key));
  return kept.length === Object.keys(cards).length ? cards : Object.freeze(Object.fromEntries(kept));
}

/** An interval as a short figure: "<1 min", "10 min", "3 h", "4 d", "2 mo", "1.5 y" — unit keys for the caller's words. */
export function intervalParts(ms: number): { unit: 'minute' | 'hour' | 'day' | 'month' | 'year'; value: number } {
  const minutes = ms / 60_000;
  if (minutes < 60) return { unit: 'minute', value: Math.max(1, Math.round(minutes)) };
  const hours = minutes / 60;
  if (hours < 24) return { unit: 'hour', value: Math.round(hours) };
  const days = hours / 24;
  if (days < 30) return { unit: 'day', value: Math.round(days) };
  if (days < 365) return { unit: 'month', value: Math.round((days / 30) * 10) / 10 };
  return { unit: 'year', value: Math.round((days / 365) * 10) / 10 };
}
