import { describe, expect, it } from 'vitest';
import { BuildHasher, buildVersion, type BuildFileText } from './build-version';

describe('the build id', () => {
  it('does not depend on how a file is cut into pieces, only on names and contents', () => {
    const whole = buildVersion(new Map([['b.json', '{"x":1}\n'], ['a.jsonl', 'one\ntwo\n']]));
    expect(buildVersion(new Map<string, BuildFileText>([['a.jsonl', ['one\n', 'two\n']], ['b.json', '{"x":1}\n']]))).toBe(whole);
    expect(buildVersion(new Map<string, BuildFileText>([['a.jsonl', ['one\n', 'two\n', '']], ['b.json', ['{"x"', ':1}\n']]]))).toBe(whole);
    expect(whole).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with a name, a content or a boundary between files', () => {
    const base = buildVersion(new Map([['a', 'xy'], ['b', 'z']]));
    expect(buildVersion(new Map([['a', 'x'], ['b', 'yz']]))).not.toBe(base);
    expect(buildVersion(new Map([['a', 'xy'], ['c', 'z']]))).not.toBe(base);
    expect(buildVersion(new Map([['a', 'xy'], ['b', 'Z']]))).not.toBe(base);
  });

  it('refuses files out of name order (the id is defined over sorted names)', () => {
    const hasher = new BuildHasher();
    hasher.file('b');
    expect(() => hasher.file('a')).toThrow(/name order/);
  });
});
