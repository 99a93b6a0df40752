/**
 * The evidence that each English word of a unit renders a term: the dictionary (the term's
 * CC-CEDICT profile, a word of the same family counting a little less: friendship for 友好's
 * "friendly"), association (the word, or an n-gram holding it, going with the term across the
 * corpus: what carries renderings CEDICT lacks, 民心相通 → people-to-people bonds), less what the
 * other Chinese words of the unit claim, by the dictionary or by association ("President" in
 * "President Xi Jinping" is 主席's, though CEDICT calls Xi a president). Who claims what is
 * settled by competitive linking (`linkRivals`).
 */
import { codePointLength } from '../base/unicode';
import { dice, type Claim, type TermCorpus, type Unit, type UnitSpan } from './corpus';
import type { Lookup, StemWeights, TermProfile } from './senses';
import { SPOT } from './weights';

const COMMON_PREFIX = 6;

/**
 * How well stem `a` of a profile matches stem `b` of the text: 1 when equal, 0.8 when of the same
 * family (friendship and friendly, neighbourliness and neighbourly: Porter leaves them apart), 0
 * otherwise. A family shares a beginning of six letters or more covering three quarters of the
 * shorter stem, so transport and transit stay apart.
 */
function stemMatch(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < COMMON_PREFIX || b.length < COMMON_PREFIX) return 0;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= COMMON_PREFIX && n >= 0.75 * Math.min(a.length, b.length) ? 0.8 : 0;
}

/**
 * A profile's stems of COMMON_PREFIX letters or more by their first COMMON_PREFIX letters: only a
 * stem sharing them can be of a word's family, so a word is compared with those alone, not with
 * every stem of the profile (every word of a unit is asked of every rival's stems). Made once per
 * profile, whose stems never change once made.
 */
const families = new WeakMap<StemWeights, Map<string, Array<readonly [string, number]>>>();

function familiesOf(stems: StemWeights): Map<string, Array<readonly [string, number]>> {
  let byPrefix = families.get(stems);
  if (byPrefix === undefined) {
    byPrefix = new Map();
    for (const [s, weight] of stems) {
      if (s.length < COMMON_PREFIX) continue;
      const prefix = s.slice(0, COMMON_PREFIX);
      const family = byPrefix.get(prefix);
      if (family === undefined) byPrefix.set(prefix, [[s, weight]]);
      else family.push([s, weight]);
    }
    families.set(stems, byPrefix);
  }
  return byPrefix;
}

function bestMatch(stems: StemWeights, stem: string): number {
  const exact = stems.get(stem);
  if (exact !== undefined) return exact;
  if (stem.length < COMMON_PREFIX) return 0;
  const family = familiesOf(stems).get(stem.slice(0, COMMON_PREFIX));
  if (family === undefined) return 0;
  let best = 0;
  for (const [s, weight] of family) best = Math.max(best, weight * stemMatch(s, stem));
  return best;
}

/** How well the profile explains a word, and which of the term's pieces it renders (bit i: piece i). */
interface Explained {
  own: number;
  pieces: number;
}

function explain(profile: TermProfile, stem: string, word: string): Explained {
  const own = Math.max(bestMatch(profile.stems, stem), profile.names.has(word) ? 1 : 0);
  let pieces = 0;
  profile.pieces.forEach((piece, i) => {
    if (i < 31 && bestMatch(piece.stems, stem) > 0) pieces |= 1 << i;
  });
  return { own, pieces };
}

function explainedBy(stem: string, word: string, s: Scoring): Explained {
  let explained = s.explained.get(word);
  if (explained === undefined) {
    explained = explain(s.profile, stem, word);
    s.explained.set(word, explained);
  }
  return explained;
}

/** Share of the term's characters whose pieces a set of piece bits covers. */
export function coverage(profile: TermProfile, pieces: number): number {
  let share = 0;
  profile.pieces.forEach((piece, i) => {
    if (pieces & (1 << i)) share += piece.share;
  });
  return share;
}

/** What the corpus says about one term. */
export interface TermStats {
  /** Units (with English) in which the term occurs. */
  units: number;
  /** n-gram key id (`UnitSpan.id`) → units holding both the term and the n-gram. */
  joint: Uint32Array;
}

/**
 * One counting array per corpus, lent to a term at a time (`termStats` … `releaseStats`) and
 * handed back zeroed: a fresh array of every key for each of the glossary's hundreds of terms
 * (millions of keys at a million characters) was most of what the garbage collector did.
 */
const spareJoint = new WeakMap<TermCorpus, Uint32Array>();

export function termStats(term: string, corpus: TermCorpus): TermStats {
  const units = corpus.unitsWith(term);
  const spare = spareJoint.get(corpus);
  if (spare !== undefined) spareJoint.delete(corpus); // lent: a term counted meanwhile gets its own
  const joint = spare ?? new Uint32Array(corpus.keyCount);
  for (const unit of units) for (const id of unit.keyIds) joint[id]!++;
  return { units: units.size, joint };
}

/**
 * Hands a term's counts back to the corpus, zeroed where the term's units counted: linear in the
 * term's units, not in the corpus's keys. `stats` must not be read afterwards.
 */
export function releaseStats(term: string, corpus: TermCorpus, stats: TermStats): void {
  const { joint } = stats;
  for (const unit of corpus.unitsWith(term)) for (const id of unit.keyIds) joint[id] = 0;
  spareJoint.set(corpus, joint);
}

/** Association of the term with an n-gram key (a stem, for a single word). */
function termDice(key: string, stats: TermStats, corpus: TermCorpus): number {
  const id = corpus.keyId(key);
  return id < 0 ? 0 : dice(stats.joint[id]!, stats.units, corpus.unitFrequency[id]!);
}

/** What scoring one term needs, with its memos (a term's words recur from unit to unit). */
export interface Scoring {
  term: string;
  profile: TermProfile;
  stats: TermStats;
  corpus: TermCorpus;
  lookup: Lookup;
  explained: Map<string, Explained>;
  /** Stem → its association with the term. */
  stemDice: Map<string, number>;
}

function stemDice(stem: string, s: Scoring): number {
  let d = s.stemDice.get(stem);
  if (d === undefined) {
    d = termDice(stem, s.stats, s.corpus);
    s.stemDice.set(stem, d);
  }
  return d;
}

/** Association of the term with one of a unit's n-grams. */
export function spanDice(span: UnitSpan, stats: TermStats): number {
  return dice(stats.joint[span.id]!, stats.units, span.unitFrequency);
}

/** Per token of a unit, the strongest association with the term of an n-gram (a possible rendering) holding it. */
export function phraseAssociation(unit: Unit, s: Scoring): number[] {
  const best = unit.tokens.map(() => 0);
  for (const span of unit.spans) {
    const d = spanDice(span, s.stats);
    if (d > 0) for (let k = span.first; k <= span.last; k++) best[k] = Math.max(best[k]!, d);
  }
  return best;
}

/** What a rival claims of a unit's words (token index → claim): all of it, and the dictionary's part. */
interface Claimed {
  all: ReadonlyMap<number, number>;
  dictionary: ReadonlyMap<number, number>;
}

/**
 * Token index → claim: the words of a unit a rival claims by the dictionary, memoised on the claim
 * (a claim is of one unit). A WeakMap keyed by the claims cost more than the hits themselves at a
 * million characters: claims cut around a term's occurrences are made afresh for every term.
 */
function hitsOf(c: Claim, unit: Unit): Map<number, number> {
  let hits = c.hits;
  if (hits === undefined) {
    hits = new Map();
    for (const [stem, tokens] of unit.byStem) {
      const weight = bestMatch(c.stems, stem); // the family counts: 伙伴 "partner" claims "partnership"
      if (weight > 0) for (const k of tokens) hits.set(k, weight);
    }
    c.hits = hits;
  }
  return hits;
}

/** Per token of a unit: the evidence (−1..1) that it renders the term, and the term's pieces it renders. */
export interface Weighed {
  weights: number[];
  pieces: number[];
}

/** The tokens of a unit weighed for a term whose occurrences in the unit are `occurrences` (UTF-16 ranges). */
export function weigh(
  occurrences: ReadonlyArray<readonly [number, number]>,
  unit: Unit,
  phrase: readonly number[],
  s: Scoring,
): Weighed {
  const tokens = unit.tokens;
  const explained = tokens.map((t) => (t.content ? explainedBy(t.stem, t.word, s) : NOTHING));
  const own = explained.map((e) => e.own);
  const base = tokens.map((t, k) =>
    t.content ? Math.max(own[k]!, SPOT.association * Math.max(stemDice(t.stem, s), phrase[k]!)) : 0,
  );
  const pieces = explained.map((e) => e.pieces);
  // Rivals only ever lower a word's evidence: when none reaches the threshold, no span can form.
  if (!base.some((b) => b >= SPOT.threshold)) return { weights: base, pieces };
  // The term's occurrences in the unit, and the words inside them, are no rivals: the spotter
  // shares the English out among the occurrences itself.
  const claims = s.corpus.claimsOutside(unit, occurrences, s.lookup);
  const hits = claims.map((c) => hitsOf(c, unit));
  // What each rival claims, by the dictionary, and by association (主席 and "President") for the
  // words the term might take (asked only for those: it costs a count over the rival's units).
  const wanted = tokens.flatMap((t, k) => (t.content && base[k]! >= SPOT.threshold && own[k]! < 1 ? [k] : []));
  const claimed = claims.map((c, i): Claimed => {
    const dictionary = hits[i]!;
    // A single character's associations are mostly those of the words it is part of (的, 和, 中
    // go with everything): it claims by the dictionary only.
    if (codePointLength(c.word) === 1) return { all: dictionary, dictionary };
    let more: Map<number, number> | undefined;
    for (const k of wanted) {
      const byAssociation = SPOT.association * s.corpus.association(c.word, tokens[k]!.stem);
      // Below the threshold a claim could not make a word unfit, only crowd the linking.
      if (byAssociation >= SPOT.minClaim && byAssociation > (dictionary.get(k) ?? 0))
        (more ??= new Map(dictionary)).set(k, byAssociation);
    }
    return { all: more ?? dictionary, dictionary };
  });
  // What the term wants of each word, for the rivals to leave it: its evidence, and more where the
  // word sits in a phrase that goes with the term (the "cooperation" of "practical cooperation").
  const desire = base.map((b, k) => b + phrase[k]!);
  const rival = linkRivals(claimed, desire, claims, unit);
  const weights = tokens.map((t, k) => {
    if (!t.content) return 0;
    const r = rival[k]!;
    if (r === 0) return base[k]!;
    if (r < own[k]!) return base[k]! - r * (1 - own[k]!);
    return base[k]! - (own[k]! > 0 ? SPOT.rival : 1) * r;
  });
  return { weights, pieces };
}

const NOTHING: Explained = { own: 0, pieces: 0 };

/**
 * Which English words the rivals take, by competitive linking: each rival takes one phrase, the
 * strongest claims first, so another 合作 beside 务实合作 takes one "cooperation", not every one.
 * A claim's strength is that of the whole phrase the rival claims around the word (中俄 claims
 * "China–Russia" before a lone "China"); among equal claims a rival takes the words the term wants
 * least (国家 takes "country" and leaves "state" to 两国元首; see `desire`), then the ones nearest
 * to it. Returns, per token, the claim of the rival that took it (0: none did).
 */
function linkRivals(
  claimed: readonly Claimed[],
  desire: readonly number[],
  claims: readonly Claim[],
  unit: Unit,
): number[] {
  const tokens = unit.tokens;
  const zhLength = Math.max(1, unit.zh[1] - unit.zh[0]);
  const enLength = Math.max(1, unit.en[1] - unit.en[0]);
  /**
   * The tokens rival c claims in the phrase around token k (k first), stopping at a taken one.
   * Only the dictionary extends a phrase: association links a word, not its neighbours, and a
   * rival that merely co-occurs with a title would otherwise take the whole title.
   */
  const phraseAround = (c: number, k: number, taken: readonly number[]): number[] => {
    const { dictionary } = claimed[c]!;
    const run = [k];
    if ((dictionary.get(k) ?? 0) < SPOT.threshold) return run; // a weak claim takes the one word
    for (let j = k - 1; j >= 0 && unit.joined[j + 1]; j--) {
      if (!tokens[j]!.content) continue;
      if (taken[j]! > 0 || (dictionary.get(j) ?? 0) < SPOT.threshold) break;
      run.push(j);
    }
    for (let j = k + 1; j < tokens.length && unit.joined[j]; j++) {
      if (!tokens[j]!.content) continue;
      if (taken[j]! > 0 || (dictionary.get(j) ?? 0) < SPOT.threshold) break;
      run.push(j);
    }
    return run;
  };
  const none = tokens.map(() => 0);
  type Link = { c: number; k: number; strength: number; weight: number; distance: number };
  // Strengths within a fifth of a word of each other are a tie (CEDICT's sense order makes 协作's
  // "cooperate" 1 and its "coordination" 0.95): then the rival leaves the term the word it wants.
  const order = (a: Link, b: Link): number =>
    Math.round(b.strength * 5) - Math.round(a.strength * 5) ||
    desire[a.k]! - desire[b.k]! ||
    b.weight - a.weight ||
    a.distance - b.distance ||
    a.c - b.c ||
    a.k - b.k;
  const links: Link[] = [];
  claimed.forEach(({ all }, c) => {
    const zhAt = ((claims[c]!.start + claims[c]!.end) / 2 - unit.zh[0]) / zhLength;
    // Of the words the term cannot take, only the rival's best matters: it is where the rival goes
    // if it does not take one of the term's words. Keeping the others only slows the sort.
    let elsewhere: Link | undefined;
    for (const [k, weight] of all) {
      if (weight <= 0) continue;
      const strength = phraseAround(c, k, none).reduce((sum, j) => sum + (all.get(j) ?? 0), 0);
      const enAt = ((tokens[k]!.start + tokens[k]!.end) / 2 - unit.en[0]) / enLength;
      const link = { c, k, strength, weight, distance: Math.abs(zhAt - enAt) };
      if (desire[k]! >= SPOT.threshold) links.push(link);
      else if (elsewhere === undefined || order(link, elsewhere) < 0) elsewhere = link;
    }
    if (elsewhere !== undefined) links.push(elsewhere);
  });
  links.sort(order);
  const taken = tokens.map(() => 0);
  const linked = new Set<number>();
  for (const { c, k } of links) {
    if (linked.has(c) || taken[k]! > 0) continue;
    linked.add(c);
    for (const j of phraseAround(c, k, taken)) taken[j] = claimed[c]!.all.get(j) ?? 0;
  }
  return taken;
}
