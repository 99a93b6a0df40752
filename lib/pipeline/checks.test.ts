import { describe, expect, it } from 'vitest';
import { sampleMeta } from '../../tests/fixtures/meta';
import type { BuiltDoc } from '../model';
import { checkTranslation } from './checks';

/** A translated document of one-to-one pairs (the last English entry may be missing). */
function doc(pairs: Array<[string, string | undefined]>): BuiltDoc {
  const meta = sampleMeta('d', { translation: { file: 'en.md', format: 'markdown', translator: 't', note: 'n' } });
  const zh = pairs.map(([z]) => ({ kind: 'paragraph' as const, text: z, original: z, simplified: z, sentences: [] }));
  const en = pairs
    .filter(([, e]) => e !== undefined)
    .map(([, e]) => ({ kind: 'paragraph' as const, text: e ?? '', sentences: [] }));
  let j = 0;
  const built = pairs.map(([, e], id) => ({
    id,
    zh: [id],
    en: e === undefined ? [] : [j++],
    confidence: 1,
    unaligned: e === undefined,
    lowConfidence: false,
    sentences: [],
  }));
  return { meta, zh, en, pairs: built, stats: {} as BuiltDoc['stats'], dropped: [], warnings: [] };
}

const kinds = (d: BuiltDoc) => checkTranslation(d).map((f) => [f.pair, f.kind]);

describe('checkTranslation', () => {
  it('accepts numbers written with scales, month names and thousands separators', () => {
    expect(
      kinds(
        doc([
          [
            '2023年中俄贸易额达到2401亿美元，同比增长26.3%。',
            'In 2023 China–Russia trade reached 240.1 billion US dollars, up 26.3% year on year.',
          ],
          [
            '5月20日，两国边境线长4300多公里，投资10万元。',
            'On 20 May: the border is more than 4,300 km long; an investment of 100,000 yuan.',
          ],
        ]),
      ),
    ).toEqual([]);
  });

  it('finds an untranslated block, Chinese left in the English and a missing number', () => {
    expect(
      kinds(
        doc([
          [
            '双边贸易额连续3年突破2000亿美元。',
            'Bilateral trade has topped 200 billion US dollars for three years in a row.',
          ],
          [
            '两国元首出席了欢迎仪式并检阅仪仗队。',
            'The two heads of state attended the 欢迎 ceremony and reviewed the guard of honour.',
          ],
          ['这一段没有翻译，应当被检查出来。', undefined],
        ]),
      ),
    ).toEqual([
      [1, 'missing-number'],
      [2, 'chinese-in-english'],
      [3, 'untranslated'],
    ]);
  });

  it('reports an implausible length ratio', () => {
    expect(kinds(doc([['中俄两国元首在北京举行会谈，就双边关系深入交换意见。', 'Talks.']]))).toEqual([
      [1, 'length-ratio'],
    ]);
  });

  it('says nothing of a document without a translation', () => {
    const d = doc([['只有中文。', undefined]]);
    delete d.meta.translation;
    expect(checkTranslation(d)).toEqual([]);
  });
});
