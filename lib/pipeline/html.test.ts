import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from './clean';
import { HTML_MAX_DEPTH, HtmlError, htmlToMdast } from './html';

const hostile = readFileSync(new URL('../../tests/fixtures/formats/hostile.html', import.meta.url), 'utf8');
const cleanHtml = (text: string) => clean({ path: 'x.html', text, format: 'html' });

describe('HTML sources', () => {
  it('makes the same kinds of block as Markdown: headings, paragraphs, list items', () => {
    const doc = cleanHtml(
      '<h1>中俄睦邻友好</h1>\n<p>两国元首举行会谈，双方同意深化合作。</p>\n<ul><li>第一条</li><li>第二条</li></ul>\n<blockquote><p>引用的话。</p></blockquote>',
    );
    expect(doc.blocks.map((b) => [b.kind, b.text, b.level])).toEqual([
      ['heading', '中俄睦邻友好', 1],
      ['paragraph', '两国元首举行会谈，双方同意深化合作。', undefined],
      ['list-item', '第一条', undefined],
      ['list-item', '第二条', undefined],
      ['quote', '引用的话。', undefined],
    ]);
  });

  it('is the Markdown walk: the same text as HTML and as Markdown gives the same blocks', () => {
    const md = clean({
      path: 'x.md',
      text: '# 标题\n\n第一段，有[链接](https://example.org)。\n\n- 一\n- 二\n',
      format: 'markdown',
    });
    const html = cleanHtml(
      '<h1>标题</h1><p>第一段，有<a href="https://example.org">链接</a>。</p><ul><li>一</li><li>二</li></ul>',
    );
    expect(html.blocks).toEqual(md.blocks);
  });

  it('hostile page: no script, style, handler, javascript: or data: link survives; the text does', () => {
    const doc = cleanHtml(hostile);
    const texts = doc.blocks.map((b) => b.text).join('\n');
    const html = doc.blocks.map((b) => b.html ?? '').join('\n');
    expect(texts).toContain('中俄睦邻友好');
    expect(texts).toContain('两国元首在莫斯科举行会谈。');
    expect(texts).toContain('双方同意深化合作，推动关系发展。');
    expect(texts).toContain('数据链接结束。');
    for (const gone of [
      'alert',
      '页面标题',
      'color: red',
      '注入的段落',
      '请启用脚本',
      '框架文字',
      '矢量文字',
      '模板文字',
      '按钮文字',
    ]) {
      expect(texts + html).not.toContain(gone);
    }
    expect(html).not.toMatch(/javascript:|data:|on\w+=|<script|<img|<iframe|<svg/i);
    expect(html).toContain('href="https://example.org/x"'); // a real link is kept
  });

  it('caps size and nesting with a clear error, within a bounded time', () => {
    const t0 = performance.now();
    expect(() => htmlToMdast(`${'<div>'.repeat(100_000)}深`)).toThrow(HtmlError);
    expect(() => htmlToMdast(`${'<div>'.repeat(HTML_MAX_DEPTH + 10)}深`)).toThrow(/nested more than/);
    expect(() => htmlToMdast(`<p>${'汉'.repeat(3_000_000)}</p>`)).toThrow(/byte limit/);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('row 22.5a: a page of 130,000 short paragraphs (a few MB, under the cap) is cleaned, not a stack overflow', () => {
    // hast-util-sanitize unwraps <body> with push(...children): one call with 130,000 arguments
    // overflowed the stack before the children were grouped (HTML_MAX_CHILDREN).
    const root = htmlToMdast(`<html><body>${'<p>中</p>'.repeat(130_000)}</body></html>`);
    expect(root.children).toHaveLength(130_000);
    expect(root.children.every((c) => c.type === 'paragraph')).toBe(true);
  }, 180_000);

  it('keeps Extension-B characters, emoji and variation selectors', () => {
    const doc = cleanHtml('<p>𠀀字😀与葛󠄀。</p>');
    expect(doc.blocks[0]?.text).toBe('𠀀字😀与葛󠄀。');
  });
});
