// A seeded generator (mulberry32) so simulations in tests draw the same numbers on every run.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson(λ) draw by Knuth's product of uniforms, in chunks of 500 so e^−λ never underflows. */
export function poissonDraw(lambda: number, u: () => number): number {
  let k = 0;
  let remaining = lambda;
  while (remaining > 0) {
    const step = Math.min(remaining, 500);
    remaining -= step;
    const limit = Math.exp(-step);
    let prod = u();
    while (prod > limit) { k++; prod *= u(); }
  }
  return k;
}
