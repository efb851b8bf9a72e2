// Seeded randomness keyed by name, so a value depends only on (seed, key) and never on
// the order in which the model happens to ask for values.

/** 32-bit FNV-1a hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a tiny, fast PRNG with a 32-bit state (public domain, Tommy Ettinger). */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform number in [0, 1) determined by the seed and the key alone. */
export function unit(seed: number, key: string): number {
  const next = mulberry32(hashString(`${seed}|${key}`));
  next(); // the first output of a freshly hashed state is the least mixed
  return next();
}

/** A uniform number in [min, max). */
export function between(seed: number, key: string, min: number, max: number): number {
  return min + (max - min) * unit(seed, key);
}

/** A string of `length` characters drawn from `alphabet`. */
export function token(seed: number, key: string, alphabet: string, length: number): string {
  const next = mulberry32(hashString(`${seed}|${key}`));
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)] ?? '';
  return out;
}
