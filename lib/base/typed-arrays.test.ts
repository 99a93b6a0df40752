import { describe, expect, it } from 'vitest';
import { doubled } from './typed-arrays';

describe('doubled', () => {
  it('keeps the values at the start of an array twice as long', () => {
    const a = Int32Array.from([3, 1, 4]);
    const b = doubled(a);
    expect(b).toHaveLength(6);
    expect([...b]).toEqual([3, 1, 4, 0, 0, 0]);
    expect(b.buffer).not.toBe(a.buffer);
  });

  it('grows an empty array too', () => {
    expect(doubled(new Int32Array(0)).length).toBeGreaterThan(0);
  });
});
