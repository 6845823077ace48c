import { createHash } from "node:crypto";

// Keys an import needs beyond one batch, kept small.

/**
 * The Entente id of a record created from a row with this id in its file (the file's `id`
 * column, the "source id"): a name-based UUID (RFC 4122 version 5) in the member's own
 * namespace. The same member, entity and source id always give the same record id, so a later
 * file that refers to the record by its source id (a parent organisation, an interaction's
 * participants) finds it without a lookup table; another member importing the same file gets
 * ids of its own.
 */
export function sourceRecordId(memberId: string, entity: string, sourceId: string): string {
  const namespace = Buffer.from(memberId.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(namespace).update(`${entity}:${sourceId}`, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Two independent 32-bit hashes of a string (cyrb53's mixing, both halves kept): 64 bits. */
function hash64(key: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/**
 * The first row on which each key was seen, for the whole file (external ids, source ids,
 * duplicate keys, participant pairs). A Map of strings costs ~150 bytes a row, which grows
 * with the file; this open-addressing table keeps a 64-bit hash and the row number in typed
 * arrays: ~24 bytes a key at most. Two different keys share a hash with a probability of about
 * n²/2⁶⁵ (3 in 100 million for a million keys); the cost of that would be one row wrongly
 * reported as repeating an earlier one.
 */
export class SeenKeys {
  private lo = new Uint32Array(1024);
  private hi = new Uint32Array(1024);
  /** Row number + 1 (0: empty slot). */
  private rows = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  private slot(lo: number, hi: number): number {
    const mask = this.rows.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.rows[i] !== 0 && (this.lo[i] !== lo || this.hi[i] !== hi)) i = (i + 1) & mask;
    return i;
  }

  /** The row the key was first seen on. */
  get(key: string): number | undefined {
    const [lo, hi] = hash64(key);
    const row = this.rows[this.slot(lo, hi)]!;
    return row === 0 ? undefined : row - 1;
  }

  /** Records the key's row unless it was seen before; returns the earlier row, if any. */
  add(key: string, row: number): number | undefined {
    const [lo, hi] = hash64(key);
    const i = this.slot(lo, hi);
    if (this.rows[i] !== 0) return this.rows[i]! - 1;
    this.lo[i] = lo;
    this.hi[i] = hi;
    this.rows[i] = row + 1;
    if (++this.count * 2 > this.rows.length) this.grow();
    return undefined;
  }

  private grow() {
    const { lo, hi, rows } = this;
    this.lo = new Uint32Array(rows.length * 2);
    this.hi = new Uint32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let j = 0; j < rows.length; j++) {
      if (rows[j] === 0) continue;
      const i = this.slot(lo[j]!, hi[j]!);
      this.lo[i] = lo[j]!;
      this.hi[i] = hi[j]!;
      this.rows[i] = rows[j]!;
    }
  }
}
