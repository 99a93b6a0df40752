/**
 * A set of small non-negative integers (word types, English ids) that keeps them in the order first
 * added and is cleared in constant time: what a `Set<number>` per bead did in Model 1's training
 * pairs, without a hash table built and dropped for each of a book's tens of thousands of beads.
 */
import { doubled } from '../base/typed-arrays';
import { IdStamps } from './features';

export class OrderedSet {
  private readonly stamps = new IdStamps();
  private generation = this.stamps.next();
  private items = new Int32Array(64);
  size = 0;

  clear(): void {
    this.generation = this.stamps.next();
    this.size = 0;
  }

  add(value: number): void {
    if (!this.stamps.mark(value, this.generation)) return;
    if (this.size === this.items.length) this.items = doubled(this.items);
    this.items[this.size++] = value;
  }

  /** The values in the order first added, as a new array. */
  values(): Int32Array {
    return this.items.slice(0, this.size);
  }
}
