import { describe, expect, it } from 'vitest';
import { HandOverWindow } from './hand-over-window';

const settled = async (p: Promise<void>) => {
  let state = 'pending';
  p.then(
    () => (state = 'go'),
    () => (state = 'stopped'),
  );
  await new Promise((r) => setImmediate(r));
  return state;
};

describe('HandOverWindow', () => {
  it('lets a document start within its span of the hand-over, and the others as it moves', async () => {
    let handed = 0;
    const window = new HandOverWindow(() => handed);
    expect(await settled(window.room(3, 4))).toBe('go');
    const five = window.room(5, 4);
    const six = window.room(6, 4);
    expect(await settled(five)).toBe('pending');
    handed = 2;
    window.moved();
    expect(await settled(five)).toBe('go');
    expect(await settled(six)).toBe('pending');
    handed = 3;
    window.moved();
    expect(await settled(six)).toBe('go');
  });

  it('a failed hand-over stops every wait, and every later one', async () => {
    const window = new HandOverWindow(() => 0);
    const waiting = window.room(10, 2);
    window.fail(new Error('disk full'));
    await expect(waiting).rejects.toThrow('disk full');
    await expect(window.room(0, 2)).rejects.toThrow('disk full');
  });
});
