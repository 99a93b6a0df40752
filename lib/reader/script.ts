/**
 * The reader's view of a document in other characters than it is written in (simplified text read
 * in traditional, or one traditional standard in the other). The words stay the words the ingest
 * cut: only what is drawn changes; each word keeps its simplified form and dictionary key, so
 * lookups, pinyin and saved words are the same in every script.
 *
 * Pure: the converter (OpenCC, simplified → tw or hk) is the caller's, so this module never pulls
 * OpenCC's tables into a bundle that imports it.
 */
import { wordParts, type ViewPair, type ViewWord, type ViewZhBlock } from './view';

export type Convert = (text: string) => string;

const length = (s: string): number => Array.from(s).length;

/**
 * Pairs drawn in the converter's script. Each sentence is converted whole, so OpenCC's phrase
 * tables see the words' neighbours (头发 → 頭髮 but 发展 → 發展), then cut back into the words at
 * their code-point lengths; where the conversion changed a sentence's length, word by word instead.
 */
export function convertPairs(pairs: readonly ViewPair[], convert: Convert): ViewPair[] {
  return pairs.map((pair) => ({ ...pair, zh: pair.zh.map((block) => convertBlock(block, convert)) }));
}

function convertBlock(block: ViewZhBlock, convert: Convert): ViewZhBlock {
  return { ...block, sentences: block.sentences.map(([bead, words]) => [bead, convertWords(words, convert)]) };
}

function simplifiedOf(word: ViewWord): string {
  return typeof word === 'string' ? word : wordParts(word).simplified;
}

function convertWords(words: readonly ViewWord[], convert: Convert): ViewWord[] {
  const sources = words.map(simplifiedOf);
  const whole = Array.from(convert(sources.join('')));
  let converted: string[];
  if (whole.length === length(sources.join(''))) {
    let at = 0;
    converted = sources.map((source) => {
      const piece = whole.slice(at, at + length(source)).join('');
      at += length(source);
      return piece;
    });
  } else converted = sources.map(convert);
  return words.map((word, i) => {
    const text = converted[i] ?? '';
    if (typeof word === 'string') return text;
    const { pinyin, hsk, simplified, key } = wordParts(word);
    // The tuple's conventions (view.ts): '' when the simplified form is the text, no key when it is the simplified form.
    const tuple: [string, string, number, string?, string?] = [text, pinyin, hsk];
    const keyField = key === null ? '' : key === simplified ? undefined : key;
    if (simplified !== text || keyField !== undefined) tuple.push(simplified === text ? '' : simplified);
    if (keyField !== undefined) tuple.push(keyField);
    return tuple;
  });
}
