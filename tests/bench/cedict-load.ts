/**
 * One measurement of `npm run bench:cedict`, in a process of its own (the dictionary is loaded
 * once per process): `cache` loads it as every process does (`loadCedict`), `parse` parses the
 * package's text as a cache miss does. Prints one JSON line: load time, then the time of a fixed
 * set of lookups (entries are built on first lookup, so that cost is counted too), and memory.
 *
 * `segmenter` and `segmenter-sets` then build the segmenter's jieba with CC-CEDICT's headwords
 * (lib/text/jieba-dict.ts): the first as the code does now, the second as it did before (a Set of
 * jieba's words and one of CEDICT's headwords), so that the max RSS each leaves behind, which the
 * aligner's peak on a long text stands on, is compared in the same run.
 */
import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDict } from '@node-rs/jieba/dict.js';
import { loadCedict, parseCedictPackage, type Dictionary } from '../../lib/dictionary/cedict';
import { ADDED_WORD_FREQUENCY, jiebaFor } from '../../lib/text/jieba-dict';

const MODES = ['cache', 'parse', 'segmenter', 'segmenter-sets'] as const;
const mode = process.argv[2] as (typeof MODES)[number];
if (!MODES.includes(mode)) throw new Error(`usage: cedict-load.ts ${MODES.join('|')}`);
const WORDS =
  '中华人民共和国 主席 习近平 同 俄罗斯 总统 普京 举行 会谈 两国 元首 全面 战略 协作 伙伴 关系 新时代 合作 发展 睦邻 友好 条约 關係 經濟 貿易 上海 组织 国家 人民 世界'.split(
    ' ',
  );

const started = performance.now();
const dict: Dictionary = mode === 'parse' ? parseCedictPackage() : loadCedict();
const loadMs = performance.now() - started;
const lookupStarted = performance.now();
let found = 0;
for (let round = 0; round < 40; round++) {
  for (const word of WORDS) {
    found += dict.lookup(word).length;
    if (dict.longestMatch(word + word, 0) !== null) found++;
  }
}
const lookupMs = performance.now() - lookupStarted;
const rssBeforeSegmenterMB = process.resourceUsage().maxRSS / 1024;
const segmenterStarted = performance.now();
if (mode === 'segmenter') jiebaFor(dict).cut('合作共赢', true);
if (mode === 'segmenter-sets') jiebaWithSets(dict).cut('合作共赢', true);
const segmenterMs = performance.now() - segmenterStarted;
globalThis.gc?.();
const memory = process.memoryUsage();
console.log(
  JSON.stringify({
    mode,
    loadMs,
    lookupMs,
    found,
    size: dict.size,
    heapMB: memory.heapUsed / 2 ** 20,
    rssMB: memory.rss / 2 ** 20,
    segmenterMs,
    segmenterMaxRssGrowthMB: process.resourceUsage().maxRSS / 1024 - rssBeforeSegmenterMB,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);

/** The segmenter's jieba as lib/text/jieba-dict.ts built it before: the same words, through two Sets of strings. */
function jiebaWithSets(d: Dictionary): Jieba {
  const known = new Set<string>();
  for (const line of new TextDecoder().decode(jiebaDict).split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) known.add(line.slice(0, space));
  }
  const words = [...new Set(d.simplifiedHeadwords())]
    .filter((word) => /^\p{Script=Han}{2,}$/u.test(word) && !known.has(word))
    .map((word) => `${word} ${ADDED_WORD_FREQUENCY}`);
  const jieba = Jieba.withDict(jiebaDict);
  jieba.loadDict(Buffer.from(words.join('\n')));
  return jieba;
}
