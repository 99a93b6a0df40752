/**
 * Ids for pairs of small non-negative integers (a source and a target word id), handed out in
 * first-seen order: the cells of the word model's translation table. An open-addressing hash table
 * over typed arrays, because the model asks it once per co-occurring word pair of every sentence
 * pair (tens of millions of times on a corpus of a million characters), and a Map per source word
 * spent a third of the word alignment's time in hashing and allocation. No npm package offers an
 * integer-pair map; this is the textbook linear-probing table, and first-seen order keeps the ids
 * (and so every sum over cells, in cell order) exactly what the Maps gave.
 */
export class PairIds {
  /** Slot → first of the pair + 1 (0: empty). */
  private firsts: Int32Array;
  private seconds: Int32Array;
  private ids: Int32Array;
  private mask: number;
  /** How many pairs have an id. */
  size = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.firsts = new Int32Array(capacity);
    this.seconds = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  private slot(first: number, second: number): number {
    // Two multiplicative hashes mixed: ids are dense small integers, so the low bits alone collide.
    let h = Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    let s = h & this.mask;
    while (this.firsts[s] !== 0 && (this.firsts[s] !== first + 1 || this.seconds[s] !== second))
      s = (s + 1) & this.mask;
    return s;
  }

  /** The pair's id, or -1 when it has none. */
  get(first: number, second: number): number {
    const s = this.slot(first, second);
    return this.firsts[s] === 0 ? -1 : this.ids[s]!;
  }

  /** The pair's id, a new one (the next in order) when it had none. */
  add(first: number, second: number): number {
    let s = this.slot(first, second);
    if (this.firsts[s] !== 0) return this.ids[s]!;
    if ((this.size + 1) * 2 > this.mask + 1) {
      this.grow();
      s = this.slot(first, second);
    }
    this.firsts[s] = first + 1;
    this.seconds[s] = second;
    this.ids[s] = this.size;
    return this.size++;
  }

  private grow(): void {
    const { firsts, seconds, ids } = this;
    this.firsts = new Int32Array(firsts.length * 2);
    this.seconds = new Int32Array(firsts.length * 2);
    this.ids = new Int32Array(firsts.length * 2);
    this.mask = this.firsts.length - 1;
    for (let s = 0; s < firsts.length; s++) {
      if (firsts[s] === 0) continue;
      const to = this.slot(firsts[s]! - 1, seconds[s]!);
      this.firsts[to] = firsts[s]!;
      this.seconds[to] = seconds[s]!;
      this.ids[to] = ids[s]!;
    }
  }
}
