/**
 * The ingest's word-alignment step: every sentence bead of every document is collected as it is
 * handed over, and once all are in, lib/wordalign trains over them and writes each bead's links
 * to `build/wordlinks.json` (see `WordLinks` in lib/model.ts). A corpus-level step like the
 * glossary, because the model learns from the whole corpus; kept in its own file so the documents'
 * files (and their cache) do not depend on the other documents.
 */
import type { Dictionary } from '../dictionary/cedict';
import type { BuiltDoc, WordLinks } from '../model';
import { alignWords, documentBeads, formatLinks, type TokenPair } from '../wordalign/index';

/**
 * Past this many sentence beads the rest of the corpus is left without links: training holds a
 * cell per co-occurring word pair of every bead (~1,000 per bead), about 120 MB at this size.
 * The manifest then says how many documents have them.
 */
const WORD_LINK_MAX_BEADS = 30_000;

export class WordLinkCollector {
  private readonly docs: Array<{ id: string; beads: Array<{ pair: number; bead: number }>; shape: number[] }> = [];
  private readonly tokens: TokenPair[] = [];
  /** Documents handed over, and how many of them fitted under the cap. */
  seen = 0;

  constructor(private readonly maxBeads = WORD_LINK_MAX_BEADS) {}

  add(doc: BuiltDoc): void {
    this.seen++;
    const beads = documentBeads(doc);
    if (this.tokens.length + beads.length > this.maxBeads) return;
    for (const b of beads) this.tokens.push(b.tokens);
    this.docs.push({
      id: doc.meta.id,
      beads: beads.map(({ pair, bead }) => ({ pair, bead })),
      shape: doc.pairs.map((p) => p.sentences.length),
    });
  }

  get documents(): number {
    return this.docs.length;
  }

  /** Trains over every bead collected and returns each document's links, pair by pair, bead by bead. */
  finish(dict: Dictionary): WordLinks {
    const links = alignWords(this.tokens, dict);
    const out: WordLinks = {};
    let k = 0;
    for (const doc of this.docs) {
      const pairs = doc.shape.map((beads) => Array.from({ length: beads }, () => ''));
      for (const { pair, bead } of doc.beads) pairs[pair]![bead] = formatLinks(links[k++]!);
      out[doc.id] = pairs;
    }
    return out;
  }
}
