/**
 * Issue 21: page structure and editor's repairs. Each seed defect the issue lists that the cleaner
 * now repairs has a test named after it, and the general layout rules behind the unseen-layout
 * benchmark (tests/bench/clean.bench.ts) have small cases of their own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLayouts, LAYOUTS, loadSentences } from '../../tests/bench/layouts';
import type { DecodedText } from '../model';
import { clean } from './clean';
import { decode } from './decode';

const root = path.resolve(import.meta.dirname, '../..');
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
const texts = (t: string) => clean({ path: 't.txt', text: t, format: 'text' }).blocks.map((b) => b.text);
const joined = (docId: string) =>
  clean(seed(docId))
    .blocks.map((b) => b.text)
    .join('\n');

describe('seed defects (issue 21)', () => {
  it('repeated characters across page breaks: 领导人人的 → 领导人的 (summit expectations), listed as a repair', () => {
    const doc = clean(seed('2026-05-19-summit-expectations'));
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('相信两位领导人的北京会晤');
    expect(text).not.toContain('领导人人的');
    expect(doc.repairs).toContainEqual(
      expect.objectContaining({ kind: 'repeated-character', after: expect.stringContaining('领导人的') }),
    );
  });

  it('repeated characters across page breaks: 以前前所未有 and 方方方面面 (CIIS, Markdown with a footnote and a running heading between)', () => {
    const doc = clean(seed('2024-12-ciis-report-new-era'));
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('都以前所未有的速度展开');
    expect(text).toContain('涉及社会发展的方方面面。');
    expect(text).not.toMatch(/以前前所未有|方方方面面/u);
    // The markup of the paragraph (its footnote marker) loses the repeated character too.
    for (const b of doc.blocks) expect((b.html ?? '').replace(/<[^>]+>/g, '')).not.toMatch(/以前前所未有|方方方面面/u);
    expect(doc.repairs.filter((r) => r.kind === 'repeated-character')).toHaveLength(2);
  });

  it("OCR's 一 for a dash: 东北一远东 → 东北—远东 (joint statements), listed as a repair", () => {
    const doc = clean(seed('2026-05-20-joint-statements'));
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('经贸、东北—远东、人文');
    expect(doc.repairs).toContainEqual({
      line: expect.any(Number),
      kind: 'ocr-dash',
      before: '东北一远东',
      after: '东北—远东',
    });
  });

  it('the numeral 一 after a name is no dash: 中国一直, 东北一带, 远东一些', () => {
    expect(texts('中国一直支持远东一些城市的合作，东北一带也是。')).toEqual([
      '中国一直支持远东一些城市的合作，东北一带也是。',
    ]);
    expect(texts('长江一伏尔加河机制和中国一中亚峰会。')).toEqual(['长江—伏尔加河机制和中国—中亚峰会。']);
  });

  it('a doubled character inside a line (人人, 方方面面) is never touched: only a break repeats', () => {
    expect(texts('人人都知道方方面面的事。')).toEqual(['人人都知道方方面面的事。']);
  });

  it('pull quote repeating body dropped: the Ta Kung Pao box (要堅持世代友好，做百煉成鋼的真朋友。 …) goes, listed as a pull quote', () => {
    const doc = clean(seed('2025-05-08-takungpao-moscow-talks'));
    const texts = doc.blocks.map((b) => b.text);
    expect(texts.filter((t) => t === '要堅持世代友好，做百煉成鋼的真朋友。')).toEqual([]);
    // The body paragraph it repeats stays.
    expect(texts.some((t) => t.startsWith('要堅持世代友好，做百煉成鋼的真朋友。80年前'))).toBe(true);
    expect(doc.dropped.filter((d) => d.reason === 'pull-quote')).toHaveLength(8);
  });

  it('a dropped box takes its title: 習近平談中俄關係, set under the Ta Kung Pao box, heads nothing and goes with it', () => {
    const doc = clean(seed('2025-05-08-takungpao-moscow-talks'));
    expect(doc.blocks.map((b) => b.text)).not.toContain('習近平談中俄關係');
    expect(doc.dropped).toContainEqual(expect.objectContaining({ text: '習近平談中俄關係', reason: 'pull-quote' }));
    // The headline after it keeps its article.
    const next = doc.blocks.findIndex((b) => b.text === '高舉「反霸」旗幟 共創美好未來');
    expect(doc.blocks[next + 1]?.kind).toBe('paragraph');
    // A title under a box of repeats goes; one over a box saying something new stays.
    const quotes = ['我们要坚持世代友好的方向。', '两国要继续坚定站在一起，维护国际秩序。'];
    const body = `正文第一段说了很多话，${quotes[0]}后面还有别的内容，${quotes[1]}这一段写得很长。`;
    expect(texts(['第一篇报道的标题', body, ...quotes, '方框的标题'].join('\n\n'))).toEqual(['第一篇报道的标题', body]);
    const kept = [
      '第一篇报道的标题',
      body,
      '方框的标题',
      '方框里的话不是正文说过的，它是新的。',
      '第二篇报道的标题',
      '第二篇报道的正文。',
    ];
    expect(texts(kept.join('\n\n'))).toEqual(kept);
  });

  it('pull quote repeating the body sentence by sentence dropped: the seventh Ta Kung Pao box paragraph (要堅持公平正義，…中俄兩國要繼續堅定站在一起，…) goes', () => {
    const doc = clean(seed('2025-05-08-takungpao-moscow-talks'));
    const seventh = doc.dropped.find((d) => d.reason === 'pull-quote' && d.text.startsWith('要堅持公平正義'));
    expect(seventh?.text).toContain('中俄兩國要繼續堅定站在一起');
    // Each of its sentences stays where the body says it.
    const body = doc.blocks.map((b) => b.text).join('\n');
    for (const sentence of seventh!.text.match(/[^。]+。/gu)!) expect(body).toContain(sentence);
    // A box paragraph beside repeats whose sentences the body says in two places goes; one with a
    // sentence of its own stays, and so does a paragraph standing apart from any repeat.
    const a = '第一段说了很多话，我们要坚持世代友好的方向。后面还有别的内容，说得很长很长。';
    const b = '第二段也说了许多话，两国要继续坚定站在一起，维护国际秩序。这一段同样写得很长。';
    const box = ['我们要坚持世代友好的方向。', '两国要继续坚定站在一起，维护国际秩序。'];
    const merged = '我们要坚持世代友好的方向。两国要继续坚定站在一起，维护国际秩序。';
    const own = '我们要坚持世代友好的方向。这是一句正文里没有说过的新的话。';
    const page = (third: string) => [a, b, box[0], box[1], third].join('\n\n');
    expect(texts(page(merged))).toEqual([a, b]);
    expect(texts(page(own))).toEqual([a, b, own]);
    expect(texts([a, b, merged].join('\n\n'))).toEqual([a, b, merged]);
  });

  it('one sentence said twice is no pull quote (a refrain), nor is a name', () => {
    const page =
      '他說：我們要堅持世代友好，做百煉成鋼的真朋友。這是大家的心願。\n\n我們要堅持世代友好，做百煉成鋼的真朋友。\n\n中国国际问题研究院\n\n中国国际问题研究院的报告写道：合作很好。';
    expect(texts(page)).toHaveLength(4);
  });

  it('translations are never repaired', () => {
    const doc = clean(
      { path: 'en.md', text: 'Northeast一Far East\n\n东北一远东', format: 'markdown' },
      { repairLayout: false },
    );
    expect(doc.repairs).toEqual([]);
    expect(doc.blocks.map((b) => b.text)).toContain('东北一远东');
  });

  it('the seeds otherwise keep their blocks (Ta Kung Pao and Xi–Putin talks are unchanged by the layout rules)', () => {
    expect(joined('2025-05-08-takungpao-moscow-talks')).toBe(
      readFileSync(
        path.join(root, 'tests/fixtures/golden/2025-05-08-takungpao-moscow-talks.clean.txt'),
        'utf8',
      ).trimEnd(),
    );
  });
});

describe('layout rules for pages the cleaner has not seen', () => {
  /** Paragraphs set in a column `width` characters wide, first lines indented by two ideographic spaces. */
  const column = (paragraphs: string[], width: number, indent = '\u3000\u3000') =>
    paragraphs.flatMap((p) => {
      const cps = [...p];
      const lines = [indent + cps.slice(0, width - 2).join('')];
      for (let i = width - 2; i < cps.length; i += width) lines.push(cps.slice(i, i + width).join(''));
      return lines;
    });
  const P1 =
    '第一段从这里开始写起，一直写到这一行的最后一个字为止。这一句也写满了一行文字而且正好在行尾结束。然后再写一句。';
  const P2 = '第二段从这里开始，也写了好几行文字，用来看清楚段落的边界在什么地方，不会和上一段连在一起。';
  const P3 = '第三段很短。';

  it('an indented line opens a paragraph even after a full line ending a sentence; a blank line in such a page is a column break', () => {
    const lines = column([P1, P2, P3], 16);
    lines.splice(3, 0, ''); // a column break inside the first paragraph
    expect(texts(lines.join('\n'))).toEqual([P1, P2, P3]);
  });

  it('running headers with page numbers and page-number styles are dropped, and the halves of a sentence are joined', () => {
    const lines = column([P1, P2, P1, P2], 16);
    const page = (from: number, to: number, header: string, n: number) => [
      header,
      '',
      ...lines.slice(from, to),
      '',
      `第 ${n} 页 共 9 页`,
    ];
    const text = [
      ...page(0, 5, '年度报告    3', 3),
      '',
      ...page(5, 10, '4\t国际问题研究', 4),
      '',
      ...page(10, lines.length, '年度报告    5', 5),
    ].join('\n');
    const doc = clean({ path: 'p.txt', text, format: 'text' });
    expect(doc.blocks.map((b) => b.text)).toEqual([P1, P2, P1, P2]);
    expect(doc.dropped.map((d) => d.reason)).toEqual([
      'running-header',
      'page-number',
      'running-header',
      'page-number',
      'running-header',
      'page-number',
    ]);
    for (const style of ['[12]', '12 / 40', '· 12 ·', '— 12 —', 'Page 12', 'p. 12 of 40'])
      expect(texts(`正文。\n\n${style}\n\n正文二。`)).toEqual(['正文。', '正文二。']);
  });

  it('a line opening with closing punctuation goes on; one stray space is no indent', () => {
    const lines = column([P1, P2], 16);
    lines[2] = ` ${lines[2]}`;
    lines[1] = `”${lines[1]}`;
    expect(texts(lines.join('\n')).map((t) => t.replace(/[ ”]/gu, ''))).toEqual([P1, P2]);
  });

  it('a headline broken over two lines is one block, its break kept as a space', () => {
    expect(texts(['中俄世代友好', '做百煉成鋼真朋友', '', ...column([P1, P2], 16)].join('\n'))).toEqual([
      '中俄世代友好 做百煉成鋼真朋友',
      P1,
      P2,
    ]);
    // Two-character lines stacked over each other are a box's label: furniture, listed, not text.
    const label = clean({ path: 'x.txt', text: '專家\n解讀\n\n正文第一段。', format: 'text' });
    expect(label.blocks.map((b) => b.text)).toEqual(['正文第一段。']);
    expect(label.dropped).toEqual([{ line: 1, text: '專家解讀', reason: 'label' }]);
  });

  it('a line without punctuation between blank lines after a finished sentence is a headline, even as wide as the column', () => {
    // 16 characters, the column's width: as full as any wrapped line, but nothing before it is left open.
    const headline = '我就将哈巴洗尼雅的孙子雅利米雅的';
    const lines = [...column([P1], 16), '', headline, '', ...column([P2], 16)];
    expect(texts(lines.join('\n'))).toEqual([P1, headline, P2]);
    // At the top of the page, unindented text after it: the headline does not run into the first paragraph.
    const top = ['习近平同俄罗斯总统普京会谈', '', ...column([P1, P2], 16, '')];
    expect(texts(top.join('\n'))[0]).toBe('习近平同俄罗斯总统普京会谈');
  });

  it('a headline after speech whose closing quote wrapped onto a line of its own is still set apart (bench:clean columns, mac seed 1)', () => {
    // The speech fills its last line exactly, so its ” stands alone on the next; the headline is
    // wider than the column and the paragraph under it is not indented.
    const speech = '“爷们，饶命吧！小人家中有八十岁的老母，实在是不得已才出来吃这碗饭的啊。”';
    const cps = [...speech];
    const speechLines = [cps.slice(0, 12).join(''), cps.slice(12, 24).join(''), cps.slice(24, 36).join(''), '”'];
    expect(speechLines.join('')).toBe(speech);
    const headline = '劫路人在余占鳌手下熟练地叫着';
    const lines = [...column([P2], 12, ''), '', ...speechLines, '', headline, '', ...column([P1], 12, '')];
    expect(texts(lines.join('\n'))).toEqual([P2, speech, headline, P1]);
  });

  it('a kicker over a headline wrapped over two lines is its kicker; two lines as wide as each other under a label are prose (bench:clean kicker+byline, bible seed 4)', () => {
    const lines = ['的话语缠', '你若为朋友作保', '替外人击掌', '', ...column([P1, P2], 12, '')];
    const blocks = clean({ path: 'k.txt', text: lines.join('\n'), format: 'text' }).blocks;
    expect(blocks.slice(0, 2).map((b) => [b.text, b.role])).toEqual([
      ['的话语缠', 'kicker'],
      ['你若为朋友作保 替外人击掌', 'headline'],
    ]);
    expect(blocks.slice(2).map((b) => b.text)).toEqual([P1, P2]);
  });

  it('a pull quote with its speaker that fills its line exactly ends at the blank line under it (bench:clean pull quotes, mac seed 502)', () => {
    // No indents mark the paragraphs, so a blank line after a full line is otherwise a column break.
    const quote = '“单廷秀是个干干巴巴的小老头。”——于到了';
    const lines = [...column([P2], 12, ''), '', quote, '', ...column([P1], 12, '')];
    const doc = clean({ path: 'q.txt', text: lines.join('\n'), format: 'text' });
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', P2],
      ['pullquote', quote],
      ['paragraph', P1],
    ]);
  });

  it('a short note in brackets after the last sentence (（细拉）, （完）) ends the paragraph', () => {
    const p = '不要怜悯行诡诈的恶人，这是写满一行的一句话。（细拉）';
    const lines = [...column([P1], 16), '', ...column([p], 16, ''), '', ...column([P2], 16, '')];
    expect(texts(lines.join('\n'))).toEqual([P1, p, P2]);
  });

  it('a dateline cited inside a paragraph stays in it where blank lines mark the paragraphs', () => {
    const a = '要堅持和衷共濟，做全球治理的引領者。';
    const b = '【大公報訊】據新華社報道：習近平指出，剛才我同普京總統舉行了會談。';
    // a fills its line exactly; the dateline goes straight on, with no blank line to open a paragraph.
    const lines = [...column([P2], 18, ''), '', a, ...column([b], 18, ''), '', ...column([P2], 18, '')];
    expect(texts(lines.join('\n'))).toEqual([P2, a + b, P2]);
    // After a blank line it opens its own paragraph (an agency report).
    const apart = [...column([P2], 18, ''), '', a, '', ...column([b], 18, '')];
    expect(texts(apart.join('\n'))).toEqual([P2, a, b]);
  });

  it("a kicker over a headline is kept as the headline group's kicker, the headline and its deck named", () => {
    const lines = ['专家解读', '中俄合作驶入快车道', '', '——两国贸易额再创新高', '', ...column([P1, P2], 16)];
    const blocks = clean({ path: 'k.txt', text: lines.join('\n'), format: 'text' }).blocks;
    expect(blocks.slice(0, 3).map((b) => [b.text, b.role])).toEqual([
      ['专家解读', 'kicker'],
      ['中俄合作驶入快车道', 'headline'],
      ['——两国贸易额再创新高', 'deck'],
    ]);
    expect(blocks.slice(3).map((b) => b.text)).toEqual([P1, P2]);
    // Two labels of one width stacked are a box's label, furniture as before; a label over nothing is no kicker.
    expect(texts(['專家', '解讀', '', ...column([P1], 16)].join('\n'))).toEqual([P1]);
  });

  it('a kicker as wide as its headline, or wider, set straight over it on a line of its own is still its kicker (bench:clean kicker+byline, bible seed 503)', () => {
    // The two lines would have fitted on one line of the page: the break is the typesetter's, not a wrap.
    const lines = ['拿弗他', '以萨迦', '', ...column([P1, P2], 16)];
    const blocks = clean({ path: 'k.txt', text: lines.join('\n'), format: 'text' }).blocks;
    expect(blocks.slice(0, 2).map((b) => [b.text, b.role])).toEqual([
      ['拿弗他', 'kicker'],
      ['以萨迦', 'headline'],
    ]);
    const wider = clean({
      path: 'w.txt',
      text: ['知道我爱', '彼得说', '', ...column([P1], 16)].join('\n'),
      format: 'text',
    });
    expect(wider.blocks.slice(0, 2).map((b) => [b.text, b.role])).toEqual([
      ['知道我爱', 'kicker'],
      ['彼得说', 'headline'],
    ]);
    // A headline wrapped for want of room (the column is narrower than the two lines) stays one headline.
    const narrow = clean({
      path: 'n.txt',
      text: ['驶入快车道', '中俄合作', '', ...column([P1, P2], 6)].join('\n'),
      format: 'text',
    });
    expect(narrow.blocks[0]).toMatchObject({ kind: 'heading', role: 'headline', text: '驶入快车道中俄合作' });
    // Two labels of two characters stacked are still a box's label.
    expect(texts(['專家', '解讀', '', ...column([P1], 16)].join('\n'))).toEqual([P1]);
  });

  it('a byline or an agency dateline on its own line is a byline block, not a dropped credit; a photo credit still goes', () => {
    const lines = [
      '中俄合作驶入快车道',
      '',
      '本报记者 王五 李四',
      '',
      ...column([P1, P2], 16),
      '',
      '新华社北京5月20日电',
    ];
    const doc = clean({ path: 'b.txt', text: lines.join('\n'), format: 'text' });
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', '中俄合作驶入快车道'],
      ['byline', '本报记者王五李四'],
      ['paragraph', P1],
      ['paragraph', P2],
      ['byline', '新华社北京5月20日电'],
    ]);
    expect(doc.dropped).toEqual([]);
    const photo = clean({ path: 'p.txt', text: '正文一段。\n本报记者 王五 摄\n\n正文二段。', format: 'text' });
    expect(photo.blocks.map((b) => b.kind)).toEqual(['caption', 'paragraph']);
    expect(photo.dropped.map((d) => d.reason)).toEqual(['credit']);
    // A dateline that opens a wrapped line of text is no byline: 【大公報訊】據新華社報道： goes on.
    expect(texts('【大公報訊】據新華社報道：\n習近平指出，剛才我同普京總統舉行了會談。').length).toBeLessThanOrEqual(2);
  });

  it('a byline run on after the last sentence of a paragraph (…。 大公報記者葛沖) is a byline block split off it; an agency credit run on is still dropped', () => {
    const lines = [...column([P1], 16), '', `${P2} 本报记者王五`, '', `${P1} 新华社`];
    const doc = clean({ path: 'r.txt', text: lines.join('\n'), format: 'text' });
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', P1],
      ['paragraph', P2],
      ['byline', '本报记者王五'],
      ['paragraph', P1],
    ]);
    expect(doc.dropped.map((d) => [d.reason, d.text])).toEqual([['credit', '新华社']]);
    // A photographer's credit run on (…。 记者张三 摄) is no byline.
    expect(texts(`${P2} 记者张三 摄`)).toEqual([P2]);
  });

  it('a sidebar box (相关链接, 背景资料) the column flow set inside an article is kept as sidebar blocks after the article, each move a repair', () => {
    const page = [
      '中俄贸易不断增长',
      '',
      `　　${P1}`,
      '',
      '相关链接',
      '· 中俄贸易额创历史新高',
      '· 两国签署新的投资协定',
      '',
      `　　${P2}`,
      '',
      '──────────',
      '【背景资料】',
      '　　上海合作组织成立于2001年，总部设在北京，',
      '是一个区域性国际组织。',
      '──────────',
      '',
      `　　${P1}`,
      '',
      '本报记者 王一',
    ];
    const doc = clean({ path: 's.txt', text: page.join('\n'), format: 'text' });
    expect(doc.blocks.map((b) => [b.kind, b.text, b.role])).toEqual([
      ['heading', '中俄贸易不断增长', 'headline'],
      ['paragraph', P1, undefined],
      ['paragraph', P2, undefined],
      ['paragraph', P1, undefined],
      ['byline', '本报记者王一', undefined],
      ['sidebar', '相关链接', 'headline'],
      ['sidebar', '中俄贸易额创历史新高', undefined],
      ['sidebar', '两国签署新的投资协定', undefined],
      ['sidebar', '背景资料', 'headline'],
      ['sidebar', '上海合作组织成立于2001年，总部设在北京，是一个区域性国际组织。', undefined],
    ]);
    expect(doc.repairs.map((r) => [r.kind, r.line])).toEqual([
      ['sidebar-order', 5],
      ['sidebar-order', 12],
    ]);
    // A paragraph the box cut in two is joined again around it.
    const [head, tail] = [P2.slice(0, 20), P2.slice(20)];
    const cut = clean({
      path: 'c.txt',
      text: [
        `　　${P1}`,
        '',
        `　　${head}`,
        '',
        '延伸阅读',
        '中俄贸易额创历史新高',
        '两国签署新的投资协定',
        '',
        tail,
      ].join('\n'),
      format: 'text',
    });
    expect(cut.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', P1],
      ['paragraph', P2],
      ['sidebar', '延伸阅读'],
      ['sidebar', '中俄贸易额创历史新高'],
      ['sidebar', '两国签署新的投资协定'],
    ]);
    // A label straight over one line of its own is a kicker over its headline, not a box.
    const kicker = clean({
      path: 'k.txt',
      text: ['新闻背景', '中俄合作驶入快车道', '', `　　${P1}`].join('\n'),
      format: 'text',
    });
    expect(kicker.blocks.map((b) => [b.kind, b.role])).toEqual([
      ['heading', 'kicker'],
      ['heading', 'headline'],
      ['paragraph', undefined],
    ]);
  });

  it('a pull quote set apart between paragraphs is a pullquote block; one that repeats the body is dropped and listed', () => {
    const page = [
      `　　${P1}`,
      '',
      '“合作是两国人民的共同愿望。”',
      '——王一',
      '',
      `　　${P2}`,
      '',
      '■「这一句也写满了一行文字而且正好在行尾结束。」',
      '',
      `　　${P1.replace('第一段', '第三段')}`,
    ];
    const doc = clean({ path: 'q.txt', text: page.join('\n'), format: 'text' });
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', P1],
      ['pullquote', '“合作是两国人民的共同愿望。”——王一'],
      ['paragraph', P2],
      ['paragraph', P1.replace('第一段', '第三段')],
    ]);
    expect(doc.dropped.map((d) => [d.reason, d.text])).toEqual([
      ['marker', '■'],
      ['pull-quote', '「这一句也写满了一行文字而且正好在行尾结束。」'],
    ]);
    // A line of dialogue is a paragraph like any where nothing sets it apart (no indent marks the others, no speaker, no square).
    const story = ['你好吗？我很好。', '', '“我不去了，明天再说吧。”', '', '他点点头。'].join('\n');
    expect(clean({ path: 'd.txt', text: story, format: 'text' }).blocks.map((b) => b.kind)).not.toContain('pullquote');
  });

  it('a photo credit has no punctuation in its name: 新華社報道：… opening a line is text, not a credit', () => {
    const lines = [
      '  要堅持和衷共濟，做全球治',
      '理的引領者。【大公報訊】據',
      '新華社報道：習近平指出，剛',
      '才，我同普京總統舉行了深入',
      '友好、富有成果的會談，達成',
      '許多新的重要共識。',
    ];
    const doc = clean({ path: 'c.txt', text: lines.join('\n'), format: 'text' });
    expect(doc.blocks.map((b) => b.text)).toEqual([lines.map((l) => l.trim()).join('')]);
    expect(doc.dropped).toEqual([]);
    expect(texts('正文一段。\n新华社记者 张三 摄\n\n正文二段。')).toEqual(['正文一段。', '正文二段。']);
  });

  it('generated layouts of the test fixtures (columns, PDF pages, indented CRLF text) come out block for block', () => {
    const docs = generateLayouts(loadSentences('fixtures'), 21, 6);
    for (const layout of LAYOUTS) {
      let correct = 0;
      let gold = 0;
      let test = 0;
      for (const doc of docs.filter((d) => d.layout === layout)) {
        const out = clean(
          decode({ path: 'g.txt', bytes: new TextEncoder().encode(doc.text), encoding: 'utf-8', format: 'text' }),
        ).blocks.map((b) => b.text.replace(/\s/gu, ''));
        const want = doc.gold.map((g) => g.text.replace(/\s/gu, ''));
        gold += want.length;
        test += out.length;
        correct += out.filter((o) => want.includes(o)).length;
      }
      const f1 = (2 * correct) / (gold + test);
      expect(f1, layout).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe('blocks of the kinds a page has (issue 21)', () => {
  const doc = (docId: string) => clean(seed(docId));

  it('Ta Kung Pao: the four headlines set after their articles go before them, each move listed', () => {
    const blocks = doc('2025-05-08-takungpao-moscow-talks').blocks;
    const at = (start: string) => blocks.findIndex((b) => b.text.startsWith(start));
    expect(at('習近平：中俄世代友好 做百煉成鋼真朋友')).toBe(0);
    expect(blocks[0]).toMatchObject({ kind: 'heading', role: 'headline' });
    expect(blocks[1]).toMatchObject({ kind: 'heading', role: 'deck' });
    expect(at('中俄雙邊合作 從「量」向「質」昇華')).toBeLessThan(at('清華大學國家戰略研究院研究員'));
    expect(at('中俄雙邊合作 從「量」向「質」昇華')).toBeGreaterThan(at('俄中兩國政治、經濟'));
    // (its box's paragraphs all repeat the body and are dropped, and its title 習近平談中俄關係 with them)
    expect(at('習近平談中俄關係')).toBe(-1);
    expect(at('高舉「反霸」旗幟 共創美好未來')).toBe(at('在中美貿易戰關稅戰短兵相接的背景下') - 1);
    // 習近平談中俄關係 set under its box goes with the box, every paragraph a repeat: no move.
    expect(doc('2025-05-08-takungpao-moscow-talks').repairs.filter((r) => r.kind === 'headline-order')).toHaveLength(3);
  });

  it('Ta Kung Pao: furniture (專家解讀, ▲, 資料來源：新華社, 北京觀察 馬浩亮, 習近平訪俄) is out of the text and listed with its reason', () => {
    const d = doc('2025-05-08-takungpao-moscow-talks');
    const furniture = d.dropped
      .filter((x) => ['label', 'banner', 'marker', 'source-note'].includes(x.reason))
      .map((x) => [x.text, x.reason]);
    expect(furniture).toEqual([
      ['專家解讀', 'label'],
      ['▲', 'marker'],
      ['資料來源：新華社', 'source-note'],
      ['北京觀察馬浩亮', 'label'],
      ['習近平訪俄', 'banner'],
    ]);
    const text = d.blocks.map((b) => b.text).join('\n');
    for (const f of ['專家解讀', '▲', '資料來源', '北京觀察', '習近平訪俄\n']) expect(text).not.toContain(f);
    expect(d.blocks.at(-1)?.text.endsWith('。')).toBe(true);
  });

  it('joint statements: the split, reversed two-line headline is joined and heads its statement', () => {
    const blocks = doc('2026-05-20-joint-statements').blocks;
    const title = '中华人民共和国和俄罗斯联邦关于进一步加强全面战略协作、深化睦邻友好合作的联合声明';
    const i = blocks.findIndex((b) => b.kind === 'heading' && b.text === title);
    expect(i).toBeGreaterThan(0);
    expect(blocks[i - 1]?.text).toMatch(/等参加。$/u);
    expect(blocks[i + 1]?.text).toMatch(/^应中华人民共和国主席习近平邀请/u);
    expect(blocks.some((b) => b.text === '中华人民共和国和俄罗斯联邦关于进一步加强')).toBe(false);
  });

  it('CIIS: the agreements table (协定名称 / 签署时间) is a table of rows and cells', () => {
    const table = doc('2024-12-ciis-report-new-era').blocks.find(
      (b) => b.kind === 'table' && b.rows?.[0]?.[0] === '协定名称',
    );
    expect(table?.rows?.[0]).toEqual(['协定名称', '签署时间']);
    expect(table?.headerRows).toBe(1);
    expect(table?.rows?.[1]).toEqual(['《中苏政府贸易协定》', '1990年']);
    expect(table?.rows).toHaveLength(19);
  });

  it("CIIS: the statistics table keeps its empty cells (2022: Russia's figures empty, China's 2.3 and 99)", () => {
    const blocks = doc('2024-12-ciis-report-new-era').blocks;
    const i = blocks.findIndex((b) => b.kind === 'table' && b.rows?.[0]?.[0] === '年度');
    const table = blocks[i]!;
    expect(table.headerRows).toBe(2);
    expect(table.rows?.[1]).toEqual(['', '年度流量', '年末存量', '年度流量', '年末存量']);
    expect(table.rows?.at(-1)).toEqual(['2022', '', '', '2.3', '99']);
    expect(blocks[i - 1]).toMatchObject({ kind: 'caption', text: '2018-2022年中俄双向投资情况（单位：亿美元）' });
    expect(blocks[i + 1]?.kind).toBe('caption');
  });

  it('CIIS: the nested list is a list with its items one level down; chapter-opening lists are lists; picture captions are captions', () => {
    const blocks = doc('2024-12-ciis-report-new-era').blocks;
    const i = blocks.findIndex((b) => b.text === '经贸合作机制建设不断巩固和完善');
    expect(blocks.slice(i, i + 4).map((b) => [b.kind, b.depth])).toEqual([
      ['list-item', 0],
      ['list-item', 1],
      ['list-item', 1],
      ['list-item', 1],
    ]);
    expect(blocks.find((b) => b.text === '中俄关系持续稳定发展的历史逻辑')?.kind).toBe('list-item');
    for (const c of ['亚马尔 LNG 项目鸟瞰图。', '深圳北理莫斯科大学校园风光。', '圣彼得堡中医中心。'])
      expect(blocks.find((b) => b.text === c)?.kind).toBe('caption');
  });

  it('a GFM table in Markdown (a translation) is a table with its header row', () => {
    const t = clean(
      { path: 'en.md', text: '| Year | Flow |\n|---|---|\n| 2022 | |\n', format: 'markdown' },
      { repairLayout: false },
    );
    expect(t.blocks).toEqual([
      {
        kind: 'table',
        text: 'Year\tFlow 2022\t',
        rows: [
          ['Year', 'Flow'],
          ['2022', ''],
        ],
        headerRows: 1,
      },
    ]);
  });

  it('an HTML <table> is a table, its empty cell kept empty', () => {
    const html = '<p>前言。</p><table><tr><th>年度</th><th>流量</th></tr><tr><td>2022</td><td></td></tr></table>';
    expect(clean({ path: 'x.html', text: html, format: 'html' }).blocks.at(-1)).toEqual({
      kind: 'table',
      text: '年度\t流量 2022\t',
      rows: [
        ['年度', '流量'],
        ['2022', ''],
      ],
      headerRows: 1,
    });
  });
});
