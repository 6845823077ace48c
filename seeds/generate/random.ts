// A small, fast, seedable PRNG: sfc32 (Chris Doty-Humphrey's "Small Fast Chaotic"
// generator from PractRand), seeded through MurmurHash3's 32-bit finaliser.
//
// Generation is counter-based: every entity draws from its own stream,
// `Random.derive(seed, "person", k)`, so person k is the same whatever else is
// generated, any table can be re-derived without keeping the others in memory,
// and the same seed gives byte-identical data.

/** FNV-1a, 32 bits: turns a stream name into a seed word. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3 fmix32: a bijective avalanche of one 32-bit word. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX_DIGITS = "0123456789abcdef";
const uuidCodes: number[] = new Array<number>(36).fill(45);

/**
 * Formats four words as a UUID. Built from char codes so the result is one
 * flat string: concatenated pieces would stay a rope in memory, and a million
 * cached ids would cost the garbage collector dearly.
 */
function formatUuid(w0: number, w1: number, w2: number, w3: number): string {
  let p = 0;
  const words = [w0, w1, w2, w3];
  for (let w = 0; w < 4; w++) {
    const x = words[w]!;
    for (let shift = 28; shift >= 0; shift -= 4) {
      if (p === 8 || p === 13 || p === 18 || p === 23) p++;
      uuidCodes[p++] = HEX_DIGITS.charCodeAt((x >>> shift) & 15);
    }
  }
  return String.fromCharCode(...uuidCodes);
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** The stream for one entity: (dataset seed, stream name, index). */
  static derive(seed: number, stream: string | number, index = 0): Random {
    const s = typeof stream === "number" ? stream : hashString(stream);
    const k = index >>> 0;
    const hi = Math.floor(index / 0x1_0000_0000) >>> 0;
    return new Random(
      fmix32(seed ^ 0x9e3779b9),
      fmix32(s + Math.imul(seed | 0, 0x85ebca6b)),
      fmix32(k ^ fmix32(s ^ 0x27d4eb2f)),
      fmix32(hi + 0x165667b1) ^ fmix32(k + 0x7f4a7c15),
    );
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 0x1_0000_0000;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi], both included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Random.pick from an empty list");
    return items[this.int(items.length)]!;
  }

  /** Up to k distinct items, in draw order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const n = Math.min(k, items.length);
    const chosen = new Set<number>();
    const out: T[] = [];
    while (out.length < n) {
      const i = this.int(items.length);
      if (chosen.has(i)) continue;
      chosen.add(i);
      out.push(items[i]!);
    }
    return out;
  }

  /**
   * A rank in [0, n) with Zipf–Mandelbrot skew, P(k) ∝ 1 / (k + q): a few
   * ranks get very many draws, the long tail few. Larger q flattens the head.
   */
  zipf(n: number, q = 10): number {
    const r = Math.floor(q * Math.pow((n + q) / q, this.float()) - q);
    return Math.min(n - 1, Math.max(0, r));
  }

  /** A version-4 formatted UUID made of this stream's next 128 bits. */
  uuid(): string {
    const w0 = this.u32();
    const w1 = ((this.u32() & 0xffff0fff) | 0x00004000) >>> 0;
    const w2 = ((this.u32() & 0x3fffffff) | 0x80000000) >>> 0;
    const w3 = this.u32();
    return formatUuid(w0, w1, w2, w3);
  }
}

/** Picks from a fixed weighted list in O(log n). */
export class Weighted<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;

  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [item, weight] of entries) {
      if (weight <= 0) continue;
      this.total += weight;
      this.items.push(item);
      this.cumulative.push(this.total);
    }
    if (this.items.length === 0) throw new Error("Weighted needs at least one positive weight");
  }

  get size(): number {
    return this.items.length;
  }

  pick(rng: Random): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/**
 * Deterministic ids: entity k of a kind gets the same UUID in every run with
 * the same namespace, so references can be computed without the referenced row.
 */
export class IdSpace {
  private readonly kinds = new Map<string, { stream: number; ids: string[] }>();

  constructor(readonly namespace: number) {}

  of(kind: string, index: number): string {
    let entry = this.kinds.get(kind);
    if (!entry) {
      entry = { stream: hashString(`id:${kind}`), ids: [] };
      this.kinds.set(kind, entry);
    }
    const ids = entry.ids;
    // Ids are cached densely from 0 up, so the common sequential walk fills the
    // cache and later look-ups (references) are free.
    if (index < ids.length) return ids[index]!;
    while (ids.length <= index && ids.length < 5_000_000) {
      ids.push(Random.derive(this.namespace, entry.stream, ids.length).uuid());
    }
    return index < ids.length ? ids[index]! : Random.derive(this.namespace, entry.stream, index).uuid();
  }
}
