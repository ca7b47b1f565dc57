/** Seeded PRNG (mulberry32): the simulated city is the same city every run with the same seed. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (lo: number, hi: number) => lo + (hi - lo) * next(),
    int: (lo: number, hi: number) => Math.floor(lo + (hi - lo + 1) * next()),
    /** Roughly normal, mean 0, sd 1 (sum of uniforms): enough for plausible noise. */
    gauss: () => next() + next() + next() + next() + next() + next() - 3,
  };
}
export type Random = ReturnType<typeof createRandom>;

/** Hash a string to a 32-bit seed, so each district or topic gets its own stable stream. */
export function hashSeed(text: string, seed = 0): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
