/**
 * Keys for maps of cells (department, account, month). Each of the three strings is interned to a
 * small number and the three combine into one number, which a Map hashes without building a
 * string per cell.
 */

/** Up to 2^10 interned strings, three indices make a small integer (below 2^30), which V8 keeps unboxed. */
const SMALL_SPACE = 1024;
/** Up to 2^17, three indices make one safe integer (2^51), kept above every small key. */
const KEY_SPACE = 131_072;
const LARGE_BASE = 2 ** 30;

/**
 * A fresh key function. Past 2^17 distinct strings (never in practice) a cell falls back to a
 * string key; a cell's key is always the same number or the same string, so lookups still agree.
 */
export function cellKeys(): (departmentId: string, accountId: string, period: string) => number | string {
  const interned = new Map<string, number>();
  const intern = (s: string): number => {
    let n = interned.get(s);
    if (n === undefined) interned.set(s, (n = interned.size));
    return n;
  };
  // Files come grouped by department and often by month: the last of each is remembered.
  let lastDepartment: string | undefined;
  let lastPeriod: string | undefined;
  let d = 0;
  let p = 0;
  return (departmentId, accountId, period) => {
    if (departmentId !== lastDepartment) d = intern((lastDepartment = departmentId));
    if (period !== lastPeriod) p = intern((lastPeriod = period));
    const a = intern(accountId);
    if (d < SMALL_SPACE && a < SMALL_SPACE && p < SMALL_SPACE) return (d * SMALL_SPACE + a) * SMALL_SPACE + p;
    if (d < KEY_SPACE && a < KEY_SPACE && p < KEY_SPACE) return LARGE_BASE + (d * KEY_SPACE + a) * KEY_SPACE + p;
    return `${departmentId}\u0000${accountId}\u0000${period}`;
  };
}

/**
 * A map from cell keys to small non-negative integers (positions in a list of records). Small
 * keys — nearly all of them — live in an open-addressing table of typed arrays, which a 100,000-
 * cell file fills without the per-entry cost of a Map; a string key falls back to a Map.
 */
export class CellIndex {
  private keys = new Int32Array(1024).fill(-1);
  private values = new Int32Array(1024);
  private size = 0;
  private readonly others = new Map<string | number, number>();

  get(key: number | string): number | undefined {
    if (typeof key !== 'number' || key >= LARGE_BASE) return this.others.get(key);
    const mask = this.keys.length - 1;
    for (let slot = hashSlot(key, mask); ; slot = (slot + 1) & mask) {
      const k = this.keys[slot]!;
      if (k === key) return this.values[slot];
      if (k === -1) return undefined;
    }
  }

  /** Sets a key that is not in the map yet. */
  add(key: number | string, value: number): void {
    if (typeof key !== 'number' || key >= LARGE_BASE) {
      this.others.set(key, value);
      return;
    }
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    this.place(key, value);
    this.size++;
  }

  private place(key: number, value: number): void {
    const mask = this.keys.length - 1;
    let slot = hashSlot(key, mask);
    while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  /** Four times the room: a big file's cells are placed again four times, not eight. */
  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 4).fill(-1);
    this.values = new Int32Array(keys.length * 4);
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.place(keys[i]!, values[i]!);
  }
}

/**
 * Spreads the keys over the table. A key's low bits are its month, one of a dozen, so every bit of
 * the key must reach the low bits of the slot (an integer hash with full avalanche, "lowbias32").
 */
function hashSlot(key: number, mask: number): number {
  let h = key ^ (key >>> 16);
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h & mask;
}
