import { describe, expect, it } from 'vitest';
import { buildId, buildVersion, contentDigest, type BuildFileText } from './build-version';

describe('the build id', () => {
  it('does not depend on how a file is cut into pieces, nor on the order files come in', () => {
    const whole = buildVersion(
      new Map([
        ['b.json', '{"x":1}\n'],
        ['a.jsonl', 'one\ntwo\n'],
      ]),
    );
    expect(
      buildVersion(
        new Map<string, BuildFileText>([
          ['a.jsonl', ['one\n', 'two\n']],
          ['b.json', '{"x":1}\n'],
        ]),
      ),
    ).toBe(whole);
    expect(
      buildVersion(
        new Map<string, BuildFileText>([
          ['a.jsonl', ['one\n', 'two\n', '']],
          ['b.json', ['{"x"', ':1}\n']],
        ]),
      ),
    ).toBe(whole);
    expect(whole).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with a name, a content or a boundary between files', () => {
    const base = buildVersion(
      new Map([
        ['a', 'xy'],
        ['b', 'z'],
      ]),
    );
    expect(
      buildVersion(
        new Map([
          ['a', 'x'],
          ['b', 'yz'],
        ]),
      ),
    ).not.toBe(base);
    expect(
      buildVersion(
        new Map([
          ['a', 'xy'],
          ['c', 'z'],
        ]),
      ),
    ).not.toBe(base);
    expect(
      buildVersion(
        new Map([
          ['a', 'xy'],
          ['b', 'Z'],
        ]),
      ),
    ).not.toBe(base);
    expect(buildVersion(new Map([['a', 'xy']]))).not.toBe(base);
  });

  it('is the id of the files’ digests, however they were fed (strings or bytes)', () => {
    const digest = contentDigest();
    digest.update(Buffer.from('合'));
    digest.update('作');
    expect(buildId(new Map([['a', digest.hex()]]))).toBe(buildVersion(new Map([['a', '合作']])));
  });
});
