import { describe, expect, it } from 'vitest';
import { answerTag, matchesTag } from './_conditional';

describe('answerTag', () => {
  it('names the build and the input: either changing changes the tag', () => {
    const tag = answerTag('c44e47c97925b1dc', { doc: 'a', from: 0, to: 20 });
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}"$/);
    expect(answerTag('c44e47c97925b1dc', { doc: 'a', from: 0, to: 20 })).toBe(tag);
    expect(answerTag('d000000000000000', { doc: 'a', from: 0, to: 20 })).not.toBe(tag);
    expect(answerTag('c44e47c97925b1dc', { doc: 'a', from: 0, to: 21 })).not.toBe(tag);
  });

  it('keeps a version with quotes, commas or a server path out of the header, and its tail counts', () => {
    const tag = answerTag('/srv/duizhao/build "1", 2:1234:1733.5', {});
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}"$/);
    expect(tag).not.toContain('srv');
    expect(answerTag(`/${'x'.repeat(200)}:1234:1733.5`, {})).not.toBe(answerTag(`/${'x'.repeat(200)}:1234:1733.6`, {}));
  });
});

describe('matchesTag', () => {
  const tag = '"v1.abc"';
  it('matches the tag in a list, weak or strong, and *', () => {
    expect(matchesTag('"v1.abc"', tag)).toBe(true);
    expect(matchesTag('"x", W/"v1.abc"', tag)).toBe(true);
    expect(matchesTag('*', tag)).toBe(true);
  });
  it('does not match another tag, a prefix of it, or no header', () => {
    expect(matchesTag('"v1.ab"', tag)).toBe(false);
    expect(matchesTag('"v2.abc"', tag)).toBe(false);
    expect(matchesTag('', tag)).toBe(false);
    expect(matchesTag(null, tag)).toBe(false);
  });
});
