/**
 * Deterministic randomness for the demo: each value is a hash of what it is for (department,
 * account, month, purpose), not the next draw of a stream, so adding a line never shifts others.
 */
import { createHash } from 'node:crypto';

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: spreads FNV's weak low bits over the whole word. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) fixed by its key. */
export function unit(key: string): number {
  return mix(fnv1a(key)) / 0x1_0000_0000;
}

/** A number in [-spread, +spread] fixed by its key. */
export function jitter(key: string, spread: number): number {
  return (unit(key) * 2 - 1) * spread;
}

/** A UUID (version 5 layout) fixed by its key, so the same demo has the same ids every time. */
export function demoId(key: string): string {
  const b = createHash('sha1').update(`quartermaster-demo:${key}`).digest();
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
