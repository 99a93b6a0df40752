import { describe, expect, it } from 'vitest';
import { JoinedText } from './joined-text';
import { joinWrapped } from './text-width';

/** A join that reads the last four code points of its left side, as joinAcrossBreak does. */
const readsTail = (left: string, right: string) => {
  const a = [...left.trimEnd()];
  return a.join('') + `[${a.slice(-4).join('')}]` + right.trimStart();
};

describe('JoinedText', () => {
  it('row 22.3: gives what joining the whole string line after line gives, trailing spaces and surrogate pairs included', () => {
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pieces = ['中国', 'word', ' ', '  ', '\u3000', '𠀀𠀁', '。', 'a b', '', ' 人 '];
    for (const join of [joinWrapped, readsTail]) {
      for (let round = 0; round < 200; round++) {
        const lines = Array.from({ length: 1 + rand(12) }, () =>
          Array.from({ length: rand(4) }, () => pieces[rand(pieces.length)]).join(''),
        );
        let whole = lines[0]!;
        const joined = new JoinedText(lines[0]!);
        for (const line of lines.slice(1)) {
          whole = join(whole, line);
          joined.join(line, join);
        }
        expect(joined.toString(), JSON.stringify(lines)).toBe(whole);
      }
    }
  });
});
