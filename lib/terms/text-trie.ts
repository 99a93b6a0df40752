/**
 * Strings as numbered nodes of a trie over their UTF-16 units, held in typed arrays: a string's node
 * is found by extending its prefix's node unit by unit, so the runs of words that grow a word at a
 * time (合作, 合作伙伴, 合作伙伴关系 …) are each one step from the last, with no string made or hashed.
 * The glossary's candidates count every run of up to eight words of the corpus, most of which occur
 * once: as strings, building and hashing them was most of that pass.
 *
 * Nodes are numbered in order of creation from 1 (0 is the empty string), so two tries fed the same
 * strings in the same order number them alike.
 *
 * Written here rather than taken from a package: the trie packages (mnemonist's Trie,
 * @datastructures-js/trie) take whole strings or hold their nodes as objects with maps of
 * children, one per node of millions; what is needed is a node one unit from another and a dense
 * integer id per node, to count in typed arrays.
 */

/** The empty string's node. */
export const ROOT = 0;
const EMPTY = -1;

export class TextTrie {
  /** Open addressing: slot → (parent node, unit) → child node; EMPTY where free. */
  private parents = new Int32Array(1 << 12).fill(EMPTY);
  private units = new Uint16Array(1 << 12);
  private children = new Int32Array(1 << 12);
  private count = 1;

  /** Nodes made so far, the root included: node ids are below this. */
  get size(): number {
    return this.count;
  }

  /** The node of `text` appended to `node`'s string, made if new. */
  extend(node: number, text: string): number {
    for (let i = 0; i < text.length; i++) node = this.step(node, text.charCodeAt(i), true);
    return node;
  }

  /** The node of `text` appended to `node`'s string, or -1 when no string made so far begins so. */
  find(node: number, text: string): number {
    for (let i = 0; i < text.length && node >= 0; i++) node = this.step(node, text.charCodeAt(i), false);
    return node;
  }

  private step(parent: number, unit: number, make: boolean): number {
    const mask = this.parents.length - 1;
    let slot = slotOf(parent, unit) & mask;
    for (;;) {
      const p = this.parents[slot]!;
      if (p === EMPTY) break;
      if (p === parent && this.units[slot] === unit) return this.children[slot]!;
      slot = (slot + 1) & mask;
    }
    if (!make) return -1;
    const child = this.count++;
    this.parents[slot] = parent;
    this.units[slot] = unit;
    this.children[slot] = child;
    // At most half full, so a probe ends soon.
    if (this.count * 2 > this.parents.length) this.grow();
    return child;
  }

  private grow(): void {
    const { parents, units, children } = this;
    const size = parents.length * 2;
    this.parents = new Int32Array(size).fill(EMPTY);
    this.units = new Uint16Array(size);
    this.children = new Int32Array(size);
    const mask = size - 1;
    for (let s = 0; s < parents.length; s++) {
      const parent = parents[s]!;
      if (parent === EMPTY) continue;
      let slot = slotOf(parent, units[s]!) & mask;
      while (this.parents[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.parents[slot] = parent;
      this.units[slot] = units[s]!;
      this.children[slot] = children[s]!;
    }
  }
}

/** A hash of (parent, unit): multiplicative, mixed so that neighbouring nodes spread. */
function slotOf(parent: number, unit: number): number {
  const h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
  return (h ^ (h >>> 15)) >>> 0;
}
