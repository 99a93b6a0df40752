import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt';

const u = (text: string) => ({ text, mark: false });
const m = (text: string) => ({ text, mark: true });

describe('excerpt', () => {
  it('keeps short texts whole', () => {
    const parts = [u('中俄'), m('合作'), u('深化')];
    expect(excerpt(parts, 5)).toEqual(parts);
  });
  it('cuts long runs around marks, counting code points', () => {
    const out = excerpt([u('一二三四五六七八'), m('合作'), u('𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇'), m('关系'), u('甲乙丙丁戊己庚')], 2);
    expect(out.map((p) => p.text)).toEqual(['…七八', '合作', '𠀀𠀁…𠀆𠀇', '关系', '甲乙…']);
  });
  it('leaves a text without marks alone', () => {
    expect(excerpt([u('x'.repeat(50))], 3)).toEqual([u('x'.repeat(50))]);
  });
});
