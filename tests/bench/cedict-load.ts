/**
 * One measurement of `npm run bench:cedict`, in a process of its own (the dictionary is loaded
 * once per process): `cache` loads it as every process does (`loadCedict`), `parse` parses the
 * package's text as a cache miss does. Prints one JSON line: load time, then the time of a fixed
 * set of lookups (entries are built on first lookup, so that cost is counted too), and memory.
 */
import { loadCedict, parseCedictPackage, type Dictionary } from '../../lib/dictionary/cedict';

const mode = process.argv[2];
if (mode !== 'cache' && mode !== 'parse') throw new Error('usage: cedict-load.ts cache|parse');
const WORDS =
  '中华人民共和国 主席 习近平 同 俄罗斯 总统 普京 举行 会谈 两国 元首 全面 战略 协作 伙伴 关系 新时代 合作 发展 睦邻 友好 条约 關係 經濟 貿易 上海 组织 国家 人民 世界'.split(
    ' ',
  );

const started = performance.now();
const dict: Dictionary = mode === 'cache' ? loadCedict() : parseCedictPackage();
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
  }),
);
