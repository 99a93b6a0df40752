/**
 * The word-alignment development gold (tests/fixtures/wordalign, guidelines in
 * docs/word-alignment-gold.md): the corpus part with its tokens, the MAC-Dev part as ids and links
 * over the text read in place from ../shared/align-dev (never copied into the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dictionary } from '../../lib/dictionary/cedict';
import { segmentWords } from '../../lib/text/segment';
import { englishTokens, isBlank, type Link, parseLinks } from '../../lib/wordalign/index';

export interface GoldPair {
  /** Where it comes from: "doc/pair/bead" or "mac doc/zh line". */
  id: string;
  zh: string[];
  en: string[];
  sure: Link[];
  possible: Link[];
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/wordalign');
/**
 * ../shared/align-dev beside the clone; a git worktree kept one folder deeper (wt/<branch>) finds it
 * one level further up.
 */
const MAC_DEV_PLACES = ['../../../shared', '../../../../shared'].map((up) =>
  path.resolve(import.meta.dirname, up, 'align-dev/mac-dev-2021'),
);
export const MAC_DEV = MAC_DEV_PLACES.find((dir) => existsSync(dir)) ?? MAC_DEV_PLACES[0]!;

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

export function loadCorpusGold(): GoldPair[] {
  return rows(path.join(FIXTURES, 'corpus-gold.tsv')).map(([doc, pair, bead, zh, en, links]) => ({
    id: `${doc}/${pair}/${bead}`,
    zh: zh!.split(' '),
    en: en!.split(' '),
    ...parseLinks(links!),
  }));
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}

/** The MAC-Dev gold, its text read in place; throws when a cut no longer gives the tokens the links count. */
export function loadMacGold(dict: Dictionary, dir = MAC_DEV): GoldPair[] {
  if (!existsSync(dir)) throw new Error(`no MAC-Dev at ${dir} (see ../shared/align-dev/README.md)`);
  const texts = new Map<string, { zh: string[]; en: string[] }>();
  return rows(path.join(FIXTURES, 'mac-dev-gold.tsv')).map(([doc, zhLine, enLine, zhCount, enCount, links]) => {
    let text = texts.get(doc!);
    if (!text)
      texts.set(doc!, (text = { zh: lines(path.join(dir, 'zh', doc!)), en: lines(path.join(dir, 'en', doc!)) }));
    const zh = segmentWords(text.zh[Number(zhLine)]!.trim(), dict).filter((w) => !isBlank(w));
    const en = englishTokens(text.en[Number(enLine)]!).map((t) => t.text);
    if (zh.length !== Number(zhCount) || en.length !== Number(enCount)) {
      throw new Error(
        `MAC-Dev ${doc}:${zhLine} cuts into ${zh.length}/${en.length} tokens, the gold counts ${zhCount}/${enCount}: the segmenter or tokenizer changed`,
      );
    }
    return { id: `mac ${doc}/${zhLine}`, zh, en, ...parseLinks(links!) };
  });
}

/** Every 1-1 … n-m bead of MAC-Dev as sentence pairs of text (training data, not gold). */
export function macBeads(dir = MAC_DEV): Array<{ zh: string; en: string }> {
  const out: Array<{ zh: string; en: string }> = [];
  for (const doc of ['001', '002', '003', '004', '005', '006']) {
    const zh = lines(path.join(dir, 'zh', doc));
    const en = lines(path.join(dir, 'en', doc));
    for (const line of lines(path.join(dir, 'gold', `${doc}.align`))) {
      const m = /^\[([\d, ]*)\]:\[([\d, ]*)\]$/.exec(line.trim());
      if (!m || m[1] === '' || m[2] === '') continue;
      const ids = (s: string) => s.split(',').map((x) => Number(x.trim()));
      out.push({
        zh: ids(m[1]!)
          .map((i) => zh[i]!.trim())
          .join(''),
        en: ids(m[2]!)
          .map((j) => en[j]!)
          .join(' '),
      });
    }
  }
  return out;
}
