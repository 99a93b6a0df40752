import { describe, expect, it } from 'vitest';
import { clean } from '../pipeline/clean';
import { textWindow } from './window';

const budget = (chars: number, units = 1_000_000) => ({ chars, units });

describe('row 22.3: the preview window', () => {
  it('takes the whole text when it fits', () => {
    const text = '# 标题\n\n第一段。\n\n第二段。\n';
    expect(textWindow(text, 'markdown', budget(1000))).toEqual({
      text,
      shownChars: text.length,
      totalChars: text.length,
    });
  });

  it('cuts Markdown after a blank line, never inside a code fence', () => {
    const text = '第一段。\n\n```\n代码\n\n更多代码\n```\n\n第二段。\n';
    // The budget ends inside the fence: the cut goes back to the blank line before it.
    const inFence = text.indexOf('更多');
    const w = textWindow(text, 'markdown', budget(inFence + 2));
    expect(w.text).toBe('第一段。\n\n');
    expect(w.totalChars).toBe(text.length);
  });

  it('cuts one-line list items and headings at a line that starts a block, by lines with text', () => {
    const list = '- 中国。\n'.repeat(10);
    const w = textWindow(list, 'markdown', budget(10_000, 3));
    expect(w.text).toBe('- 中国。\n'.repeat(3));
    const headings = '# 中国\n'.repeat(10);
    expect(textWindow(headings, 'markdown', budget(20)).text).toBe('# 中国\n'.repeat(4));
  });

  it('cuts plain text between lines, HTML before a block element, one long line after a sentence', () => {
    expect(textWindow('一。\n二。\n三。\n', 'text', budget(100, 2)).text).toBe('一。\n二。\n');
    const html = '<html><body>' + '<p>中国。</p>'.repeat(10) + '</body></html>';
    const w = textWindow(html, 'html', budget(100_000, 4));
    expect(w.text).toBe('<html><body>' + '<p>中国。</p>'.repeat(4));
    const long = '中国的发展离不开世界。'.repeat(100);
    const cut = textWindow(long, 'text', budget(25));
    expect(cut.text).toBe('中国的发展离不开世界。'.repeat(2));
  });

  it('never splits a surrogate pair when there is nothing better to cut at', () => {
    const text = '𠀀'.repeat(20);
    const w = textWindow(text, 'text', budget(7));
    expect(w.text).toBe('𠀀'.repeat(3));
  });

  it('the window cleans into the first blocks of the whole text (all but perhaps the last)', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `第${i + 1}段：中国的发展离不开世界。`);
    const text = paragraphs.map((p, i) => (i % 7 === 0 ? `## ${p}` : p)).join('\n\n') + '\n';
    const whole = clean({ path: 'w.md', text, format: 'markdown' }).blocks.map((b) => b.text);
    const w = textWindow(text, 'markdown', budget(3_000));
    const shown = clean({ path: 'w.md', text: w.text, format: 'markdown' }).blocks.map((b) => b.text);
    expect(shown.length).toBeGreaterThan(50);
    expect(shown.length).toBeLessThan(whole.length);
    expect(shown.slice(0, -1)).toEqual(whole.slice(0, shown.length - 1));
  });
});
