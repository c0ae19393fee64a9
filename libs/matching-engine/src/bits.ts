/** Set bits of a 32-bit word. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bits set in both bitsets of `words` words, read at `aAt` in `a` and `bAt` in `b`. */
export function sharedBits(
  a: Uint32Array,
  aAt: number,
  b: Uint32Array,
  bAt: number,
  words: number,
): number {
  let n = 0;
  for (let i = 0; i < words; i++) n += popcount(a[aAt + i] & b[bAt + i]);
  return n;
}
