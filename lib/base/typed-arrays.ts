/** Growing typed-array buffers, shared by the hot loops that fill them (aligners, index, search). */

/** A typed array twice as long as `a` (at least 1), with `a`'s values at its start. */
export function doubled(a: Int32Array): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(1, a.length * 2));
  out.set(a);
  return out;
}
