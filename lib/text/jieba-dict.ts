/**
 * The segmenter's dictionary: jieba's own, plus CC-CEDICT's simplified headwords jieba lacks, so
 * that jieba cuts the text into words a learner can look up (共赢, 一带一路, 上海合作组织,
 * 谅解备忘录, 全球南方 stay whole instead of 共|赢, 一带|一路, 上海|合作|组织). One instance per
 * process and dictionary: building it is a fixed cost of the ingest, not a per-document one.
 *
 * The corpus glossary's terms are not added: build/glossary.json is extracted from the segmented
 * documents (lib/pipeline/glossary.ts ranks runs of words), so feeding it back into segmentation
 * would make a build depend on the build before it. corpus/glossary.tsv is a translators' style
 * note the ingest does not read; its Chinese terms are CC-CEDICT headwords or names jieba's HMM
 * finds (习近平, 普京, 中华人民共和国).
 */
import { Jieba } from '@node-rs/jieba';
// The `.js` suffix: the package has no `exports` map, so Node's own ESM resolver (used by the CLI
// outside a bundler) only finds the file by its full name; TypeScript maps it to dict.d.ts.
import { dict as jiebaDict } from '@node-rs/jieba/dict.js';
import type { Dictionary } from '../dictionary/cedict';

/**
 * The frequency an added headword gets: jieba's median (3 of a total of 60 M). jieba scores a cut
 * by the product of its words' frequencies, so even a rare whole word beats the same characters cut
 * in two or more pieces, while jieba's own words, whose frequencies are kept, still win where they
 * compete with an added one (measured on the corpus: 131 of 1,241 sentences cut differently).
 */
export const ADDED_WORD_FREQUENCY = 3;

const HAN_WORD = /^\p{Script=Han}{2,}$/u;

let plain: Jieba | undefined;
const withHeadwords = new WeakMap<Dictionary, Jieba>();

/** jieba with its own dictionary (about half a second to load), and CC-CEDICT's headwords when `dictionary` is given. */
export function jiebaFor(dictionary?: Dictionary): Jieba {
  if (dictionary === undefined) {
    plain ??= Jieba.withDict(jiebaDict);
    return plain;
  }
  let jieba = withHeadwords.get(dictionary);
  if (jieba === undefined) {
    jieba = Jieba.withDict(jiebaDict);
    jieba.loadDict(Buffer.from(addedWords(dictionary).join('\n')));
    withHeadwords.set(dictionary, jieba);
  }
  return jieba;
}

/**
 * The user-dictionary lines (`word frequency`) of the headwords jieba lacks: Han words of two or
 * more characters. Headwords jieba has keep jieba's frequency: overriding them with one number
 * would flatten the statistics its cuts rest on.
 */
export function addedWords(dictionary: Dictionary): string[] {
  return dictionary
    .simplifiedHeadwords(jiebaWords())
    .filter((word) => HAN_WORD.test(word))
    .map((word) => `${word} ${ADDED_WORD_FREQUENCY}`);
}

/**
 * The words of jieba's dictionary (`word freq tag` lines), one at a time: a Set of its 350,000
 * words stayed in the process's memory as some 50 MB the aligner's peak then stood on.
 */
function* jiebaWords(): Generator<string> {
  const text = new TextDecoder().decode(jiebaDict);
  for (let at = 0; at < text.length;) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', at);
    if (space > at && space < end) yield text.slice(at, space);
    at = end + 1;
  }
}
