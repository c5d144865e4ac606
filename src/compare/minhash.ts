/**
 * MinHash signatures and locality-sensitive buckets for finding near-identical texts among
 * tens of thousands without comparing every pair. Two word-shingle sets with Jaccard
 * similarity J share a band of `rows` signature values with probability J^rows; with 16 bands
 * of 4 rows, pairs at J = 0.8 meet in some bucket with probability 1 - (1 - 0.8^4)^16 > 0.999,
 * pairs at J = 0.3 in 12% of cases, and every candidate is verified exactly afterwards.
 */

export const BANDS = 16;
export const ROWS = 4;
const SIGNATURE_LENGTH = BANDS * ROWS;

/** 32-bit FNV-1a hash of a string (UTF-16 code units). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a cheap, well-mixed permutation of 32-bit integers. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** One seed per signature position, fixed so that signatures are comparable across runs. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** Hashed word k-grams of a word list (shorter lists give one shingle of all their words). */
export function shingles(words: string[], k = 3): Set<number> {
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length <= k) {
    out.add(hashString(words.join(" ")));
    return out;
  }
  for (let i = 0; i + k <= words.length; i++) out.add(hashString(words.slice(i, i + k).join(" ")));
  return out;
}

export function signature(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const s of set) {
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const h = mix(s ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Bucket keys of a signature, one per band. */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]!);
    keys.push(`${b}:${h.toString(36)}`);
  }
  return keys;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
