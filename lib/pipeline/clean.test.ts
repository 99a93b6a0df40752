import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DecodedText } from '../model';
import { clean } from './clean';
import { decode } from './decode';
import { MarkdownError } from './markdown';

const root = path.resolve(import.meta.dirname, '../..');
const goldenDir = path.join(root, 'tests/fixtures/golden');
const text = (t: string, format: DecodedText['format'] = 'text'): DecodedText => ({
  path: 'test.txt',
  text: t,
  format,
});
const texts = (t: string, format: DecodedText['format'] = 'text') => clean(text(t, format)).blocks.map((b) => b.text);

function seed(docId: string): DecodedText {
  const dir = path.join(root, 'corpus', docId);
  const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as {
    source: string;
    format: DecodedText['format'];
    encoding: string;
  };
  return decode({
    path: meta.source,
    bytes: new Uint8Array(readFileSync(path.join(dir, meta.source))),
    encoding: meta.encoding,
    format: meta.format,
  });
}

describe('clean: the seeds against their golden files', () => {
  for (const name of readdirSync(goldenDir).filter((n) => n.endsWith('.clean.txt'))) {
    const docId = name.replace('.clean.txt', '');
    it(docId, () => {
      const golden = readFileSync(path.join(goldenDir, name), 'utf8');
      expect(
        clean(seed(docId))
          .blocks.map((b) => `${b.text}\n`)
          .join(''),
      ).toBe(golden);
    });
  }

  it('is idempotent: cleaning the cleaned text gives the same blocks', () => {
    for (const name of readdirSync(goldenDir).filter((n) => n.endsWith('.clean.txt'))) {
      // A table's text (cells joined by tabs) is no running text: as plain text it is one paragraph.
      const once = clean(seed(name.replace('.clean.txt', '')))
        .blocks.filter((b) => b.kind !== 'table')
        .map((b) => b.text);
      expect(texts(once.join('\n\n'))).toEqual(once);
    }
  });

  it('003: a paragraph broken mid-word by a column break is one block; credits are dropped and listed', () => {
    const doc = clean(seed('2026-05-20-xi-putin-talks'));
    expect(doc.blocks.some((b) => b.text.includes('深化中国“十五五”规划同俄罗斯2030年前发展战略对接'))).toBe(true);
    expect(doc.blocks.some((b) => /据新华社|新华社图/.test(b.text))).toBe(false);
    expect(doc.dropped.map((d) => d.reason)).toEqual(['credit', 'credit', 'credit']);
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.level)).toEqual([1, 2, 1, 2]);
    expect(doc.blocks.filter((b) => b.kind === 'caption')).toHaveLength(1);
  });

  it('004: wrapped columns are reflowed even across blank lines and mid-word', () => {
    const doc = clean(seed('2025-05-08-takungpao-moscow-talks'));
    // The page's first headline, set under its article, now heads it; the photo caption follows.
    expect(doc.blocks[2]?.text).toBe(
      '當地時間5月8日中午，國家主席習近平同俄羅斯總統普京在莫斯科克里姆林宮會談後共同會見記者。',
    );
    expect(doc.blocks.some((b) => b.text.startsWith('要堅持世代友好，做百煉成鋼的真朋友。80年前'))).toBe(true);
    expect(doc.blocks.some((b) => b.text.includes('「芝麻開花節節高」。'))).toBe(true);
    expect(doc.dropped.some((d) => d.text.startsWith('責任編輯'))).toBe(true);
    // A byline run on after the last sentence (…替代性選擇。 大公報記者葛沖) is split off as the
    // article's byline, kept; the photo credit (…會見記者。 新華社) is dropped; the box's stacked label
    // (專家 / 解讀) is furniture, listed.
    expect(doc.dropped.map((d) => d.text)).not.toContain('大公報記者葛沖');
    const byline = doc.blocks.findIndex((b) => b.kind === 'byline' && b.text === '大公報記者葛沖');
    expect(doc.blocks[byline - 1]?.text).toMatch(/替代性選擇。$/u);
    expect(doc.dropped).toContainEqual(expect.objectContaining({ text: '新華社', reason: 'credit' }));
    expect(doc.blocks.some((b) => b.text === '專家解讀')).toBe(false);
    expect(doc.dropped).toContainEqual(expect.objectContaining({ text: '專家解讀', reason: 'label' }));
    expect(doc.blocks.some((b) => b.text.startsWith('在中美貿易戰關稅戰短兵相接的背景下，'))).toBe(true);
  });

  it('001 (Markdown): running headers, the contents and page numbers go; footnotes are recognised', () => {
    const doc = clean(seed('2024-12-ciis-report-new-era'));
    expect(doc.blocks.filter((b) => b.text === '新时代的中俄关系')).toHaveLength(1);
    // Tabs are left only in the cells of the two tables (协定名称 / 签署时间, the investment statistics).
    expect(doc.blocks.some((b) => b.kind !== 'table' && /\t|\*\*\d+\*\*/.test(b.text))).toBe(false);
    const footnotes = doc.blocks.filter((b) => b.kind === 'footnote');
    expect(footnotes.length).toBeGreaterThan(40);
    expect(footnotes.every((f) => f.marker !== undefined && f.text.startsWith(f.marker))).toBe(true);
    // A link in a footnote is kept as sanitised HTML.
    expect(footnotes.some((f) => f.html?.includes('<a href="https://www.gov.cn/'))).toBe(true);
    // A paragraph continued after a page break ("时一事而改变①。") is joined to its first half.
    expect(doc.blocks.some((b) => b.text.startsWith('时一事而改变'))).toBe(false);
  });
});

describe('clean: general layout rules', () => {
  it('drops continuation notes, page numbers and editor credits, and lists them', () => {
    const doc = clean(
      text('第一段文字，这是正文。\n\n（下转第三版）\n\n12\n\n责任编辑：张三\n\n（上接第一版）\n\n第二段文字。'),
    );
    expect(doc.blocks.map((b) => b.text)).toEqual(['第一段文字，这是正文。', '第二段文字。']);
    expect(doc.dropped.map((d) => d.reason)).toEqual([
      'continuation-note',
      'page-number',
      'credit',
      'continuation-note',
    ]);
  });

  it('joins a paragraph broken by a page break in mid-sentence, past the furniture', () => {
    const broken = '两国元首一致同意加强全面战略协作，推动双边关系在更高水平上向前发展，并就共同关心的问题交换意';
    expect(texts(`${broken}\n\n（下转第二版）\n\n（上接第一版）\n\n见。双方表示满意。`)).toEqual([
      `${broken}见。双方表示满意。`,
    ]);
  });

  it('reflows text wrapped at a fixed column, keeping paragraphs apart', () => {
    const wrapped = [
      '　　中俄两国是山水相连的友好邻',
      '邦，双方在政治、经济、人文等各',
      '个领域的合作不断深化和拓展。',
      '　　两国元首一致认为，应当继续',
      '推动各领域务实合作提质升级，为',
      '两国人民带来更多实实在在的好处。',
      '　　双方还就国际和地区问题深入',
      '交换了意见，达成了广泛的共识。',
    ];
    expect(texts(wrapped.join('\n'))).toEqual([
      '中俄两国是山水相连的友好邻邦，双方在政治、经济、人文等各个领域的合作不断深化和拓展。',
      '两国元首一致认为，应当继续推动各领域务实合作提质升级，为两国人民带来更多实实在在的好处。',
      '双方还就国际和地区问题深入交换了意见，达成了广泛的共识。',
    ]);
  });

  it('recognises a headline with its subtitle, a dateline, a caption and list items', () => {
    const doc = clean(
      text(
        '中俄关系迈上新台阶\n\n——两国元首举行会谈\n\n新华社莫斯科5月8日电（记者张三）两国元首举行会谈。\n\n▲两国元首在会谈前合影。\n\n（一）《联合声明》\n\n（二）《合作协议》',
      ),
    );
    expect(doc.blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 1],
      ['heading', 2],
      ['paragraph', undefined],
      ['caption', undefined],
      ['list-item', undefined],
      ['list-item', undefined],
    ]);
    expect(doc.blocks[2]?.dateline).toBe('新华社莫斯科5月8日电（记者张三）');
  });

  it('splits a byline run on after the last sentence off as a byline block, and keeps layout labels out of paragraphs', () => {
    const doc = clean(
      text('双方一致同意进一步深化合作。 本报记者王五\n\n专家\n点评\n\n中俄合作前景广阔，双方都有信心。'),
    );
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', '双方一致同意进一步深化合作。'],
      ['byline', '本报记者王五'],
      ['heading', '专家点评'],
      ['paragraph', '中俄合作前景广阔，双方都有信心。'],
    ]);
    expect(doc.dropped).toEqual([]);
  });

  it('removes whitespace between Chinese characters but keeps it between Latin words', () => {
    expect(texts('两国 元首 出席 Shanghai Cooperation Organisation 峰会 2024 年。')).toEqual([
      '两国元首出席 Shanghai Cooperation Organisation 峰会2024年。',
    ]);
  });

  it('row 5: CRLF, lone CR and LF files give the same paragraphs', () => {
    const lf = '第一段，正文。\n\n第二段，正文。';
    const viaDecode = (s: string) =>
      clean(decode({ path: 'x', bytes: new TextEncoder().encode(s), encoding: 'utf-8', format: 'text' })).blocks;
    expect(viaDecode(lf.replace(/\n/g, '\r\n'))).toEqual(viaDecode(lf));
    expect(viaDecode(lf.replace(/\n/g, '\r'))).toEqual(viaDecode(lf));
  });

  it('row 11: Extension-B, emoji, variation selectors and Latin survive cleaning', () => {
    const s = '𠀀字😀与葛\u{E0100}及 Latin text 同在。';
    expect(texts(s)).toEqual([s]);
  });

  it('Markdown: headings, lists, footnotes after a rule, and sanitised links', () => {
    const md =
      '# 标题\n\n正文第一段，有链接[x](javascript:alert(1))。\n\n- 要点一\n- 要点二\n\n---\n\n<sup>①</sup> 注释，见[网站](https://example.org/a)。';
    const doc = clean(text(md, 'markdown'));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list-item', 'list-item', 'footnote']);
    expect(doc.blocks[1]?.html).toBeDefined();
    expect(doc.blocks[1]?.html).not.toMatch(/javascript:/);
    expect(doc.blocks[4]?.marker).toBe('①');
    expect(doc.blocks[4]?.html).toContain('href="https://example.org/a"');
  });

  it('translations keep their paragraphs as authored: no layout repair', () => {
    const en = 'The two sides agreed, after long talks, to extend the treaty by\n\nfive years. A new paragraph.';
    expect(clean(text(en, 'markdown'), { repairLayout: false }).blocks.map((b) => b.text)).toEqual([
      'The two sides agreed, after long talks, to extend the treaty by',
      'five years. A new paragraph.',
    ]);
    expect(clean(text(en, 'markdown')).blocks).toHaveLength(1);
  });

  it('row 14: pathological Markdown is refused within a bounded time', () => {
    const t0 = performance.now();
    expect(() => clean(text('* '.repeat(10000), 'markdown'))).toThrow(MarkdownError);
    expect(() => clean(text('> '.repeat(10000), 'markdown'))).toThrow(/nested more than/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('a title in guillemets wrapped over several lines', () => {
  it('is joined: after an unclosed 《 nothing is a heading, however short its line', () => {
    const text = [
      '　　【大公報訊】據新華社報道：習近平指出，剛才，我同普京總統舉行了深入',
      '友好、富有成果的會談，達成許多新的重要共識。我們共同簽署《中華人民共和',
      '國和俄羅斯聯邦在紀念中國人民抗日戰爭、蘇聯偉大衛國戰爭勝利和聯合國成立',
      '80周年之際關於進一步深化中俄新時代全面戰略協作夥伴關係的聯合聲明》，',
      '見證兩國有關部門交換多份合作文本，為中俄關係發展注入新的動能。',
    ].join('\n');
    const { blocks } = clean({ path: 'x.txt', text, format: 'text' });
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.text).toContain('《中華人民共和國和俄羅斯聯邦在紀念');
  });
});
