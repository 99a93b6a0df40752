/**
 * Diagnosis: the gold beads an alignment misses (verse-merged on the Bible), each with its text and
 * the test beads that hold its sentences, to sort the errors into classes before changing anything.
 *   tsx tests/bench/align-wrong.ts bible EN_FROM EN_TO [PREFIX]   wrong merged beads whose English lies in [FROM, TO)
 *   tsx tests/bench/align-wrong.ts mac                            wrong beads of MAC-Dev
 */
import { Aligner } from '../../lib/align/aligner';
import { formatBead, mergeByVerse } from '../../lib/align/score';
import { loadCedict } from '../../lib/dictionary/cedict';
import { loadBible, loadDevSet } from './align.bench';

const key = (b: { zh: number[]; en: number[] }) => `${b.zh.join(',')}:${b.en.join(',')}`;
const [what, fromArg, toArg, prefixArg] = process.argv.slice(2);
const dict = loadCedict();

function show(label: string, zh: string[], en: string[], b: { zh: number[]; en: number[] }, extra = ''): string {
  return `${label} ${formatBead(b)}${extra}\n${b.zh.map((i) => `   zh ${i}: ${zh[i]}`).join('\n')}\n${b.en.map((j) => `   en ${j}: ${en[j]}`).join('\n')}`;
}

if (what === 'bible') {
  const from = Number(fromArg);
  const to = Number(toArg);
  const text = loadBible(Number(prefixArg ?? to));
  const beads = new Aligner(dict).align(text.zh, text.en);
  const { merged } = mergeByVerse(beads, text.zhVerses, text.enVerses);
  const gold = text.gold.filter((b) => b.zh.length && b.en.length);
  const goldKeys = new Set(gold.map(key));
  const testKeys = new Set(merged.filter((b) => b.zh.length && b.en.length).map(key));
  const inRange = (b: { en: number[] }) => b.en.length > 0 && b.en[0]! >= from && b.en[0]! < to;
  const wrong = merged.filter((b) => b.zh.length && b.en.length && inRange(b) && !goldKeys.has(key(b)));
  const missed = gold.filter((b) => inRange(b) && !testKeys.has(key(b)));
  console.log(`wrong ${wrong.length}, missed ${missed.length}, gold in range ${gold.filter(inRange).length}`);
  for (const b of missed) {
    const verse = text.enVerses[b.en[0]!];
    console.log(show(`GOLD ${verse}`, text.zh, text.en, b));
    const near = merged.filter((t) => t.en.some((j) => b.en.includes(j)) || t.zh.some((i) => b.zh.includes(i)));
    for (const t of near) console.log(`   test ${formatBead(t)}`);
  }
} else {
  const chapters = loadDevSet();
  for (const c of chapters) {
    const beads = new Aligner(dict).align(c.zh, c.en);
    const goldKeys = new Set(c.gold.map(key));
    const testKeys = new Set(beads.map(key));
    for (const b of c.gold) {
      if (testKeys.has(key(b)) || !b.zh.length || !b.en.length) continue;
      console.log(show(`GOLD ${c.id}`, c.zh, c.en, b));
      for (const t of beads.filter((t) => t.en.some((j) => b.en.includes(j)) || t.zh.some((i) => b.zh.includes(i))))
        console.log(
          `   test ${formatBead(t)} conf ${t.confidence.toFixed(2)}${goldKeys.has(key(t)) ? ' (right)' : ''}`,
        );
    }
  }
}
