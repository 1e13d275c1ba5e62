/**
 * Amount cells to integer minor units. Numbers are taken as they are (rounded half away from
 * zero to the cent); text goes through the same parser as typed amounts, after a decimal-comma
 * file's "1.234,50" is turned into "1234.50". An empty cell is no value — never a zero with a
 * source — and text like "tbd" is an error at that cell, never a silent zero.
 */
import { parseAmount, parseSimpleAmount } from '../../../shared/money';
import type { CellValue } from './model';

export type CellAmount = { ok: true; minor: number | null } | { ok: false; message: string };

const MINOR_DIGITS = 2;

/** Placeholders people leave in budget templates; each is a question, not a number. */
const placeholders = new Set(['tbd', 'tba', 'tbc', 'n/a', 'na', 'nan', '?', '??', 'x', 'xx', 'see note', 'pending', '#n/a', '#value!', '#ref!', '#div/0!', '#name?', '#num!', '#null!']);

/** A JS number as a plain decimal string (never exponent notation), exact to what the number prints as. */
function decimalString(n: number): string {
  const plain = String(n);
  if (!/e/i.test(plain)) return plain;
  // Exponent notation only appears for |n| < 1e-6 (far below a cent) or ≥ 1e21 (refused as too large).
  return Math.abs(n) < 1 ? n.toFixed(MINOR_DIGITS + 2) : plain;
}

/** "1.234,50" → "1234.50"; "(1.234,50)" → "(1234.50)"; "1234,5" → "1234.5". */
function fromDecimalComma(text: string): string {
  return text.replace(/[\s\u00a0\u202f]/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
}

/** Currency words and symbols on either side ("1.234,50 €", "EUR 1,200", "1,200 USD"). */
function stripCurrency(text: string): string {
  return text
    .trim()
    .replace(/^([-−+(]?)\s*(?:[$€£¥]|[A-Z]{3}\s)\s*/, '$1')
    .replace(/\s*(?:[$€£¥]|\s[A-Z]{3})(?=[)-]?$)/, '');
}

/** Whole numbers up to this many major units are exact in cents as doubles (×100 stays below 2^53). */
const MAX_FAST_INTEGER = 90_000_000_000_000;

/**
 * The minor units of a plain cell — a whole number, or text that is exactly a plain decimal
 * ("1234", "-1234.5", at most 13 whole digits and two decimals, no spaces around it) — read
 * without allocating; undefined for anything else, which parseCellAmount then decides. It answers
 * only where parseSimpleAmount would, and with the same value (the fast-path property test holds
 * parseCellAmount, which uses it, to the general parser).
 */
export function plainCellMinor(value: CellValue): number | undefined {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return Math.abs(value) <= MAX_FAST_INTEGER ? value * 100 + 0 : undefined;
    // A number of cents ("1234.56" typed into Excel): its shortest decimal form, which String()
    // prints and parseSimpleAmount reads, has at most two decimals exactly when cents/100 gives it back.
    if (!(Math.abs(value) < 1e13)) return undefined;
    const cents = Math.round(value * 100);
    return cents / 100 === value ? cents : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const n = value.length;
  let i = 0;
  const negative = n > 0 && value.charCodeAt(0) === 45; // "-"
  if (negative) i++;
  let whole = 0;
  const wholeStart = i;
  for (; i < n; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits > 13) return undefined;
  let frac = 0;
  if (i < n) {
    if (value.charCodeAt(i) !== 46) return undefined; // "."
    const d1 = i + 1 < n ? value.charCodeAt(i + 1) - 48 : -1;
    if (d1 < 0 || d1 > 9) return undefined;
    if (i + 2 === n) frac = d1 * 10;
    else {
      const d2 = value.charCodeAt(i + 2) - 48;
      if (i + 3 !== n || d2 < 0 || d2 > 9) return undefined;
      frac = d1 * 10 + d2;
    }
  }
  const minor = whole * 100 + frac;
  return minor === 0 ? 0 : negative ? -minor : minor;
}

/**
 * Amount cells as minor units. Plain numbers and plain numeric text ("1234.5") — nearly every
 * cell of a real file — take a fast path; everything else goes through parseCellAmountGeneral.
 * Both give the same answer for every value (a property test holds them to that).
 */
export function parseCellAmount(value: CellValue, options: { decimalComma: boolean }): CellAmount {
  const plain = plainCellMinor(value);
  if (plain !== undefined) return { ok: true, minor: plain };
  if (typeof value === 'number') {
    if (Number.isFinite(value)) {
      const minor = parseSimpleAmount(String(value));
      if (minor !== null) return { ok: true, minor };
    }
  } else if (typeof value === 'string') {
    // Plain numeric text reads the same with a decimal comma or point: at most two decimals, no grouping.
    const minor = parseSimpleAmount(value.trim());
    if (minor !== null) return { ok: true, minor };
  }
  return parseCellAmountGeneral(value, options);
}

/** parseCellAmount without its fast path: the reference the fast path is tested against. */
export function parseCellAmountGeneral(value: CellValue, options: { decimalComma: boolean }): CellAmount {
  if (value === null) return { ok: true, minor: null };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: 'is not a number' };
    const parsed = parseAmount(decimalString(value), MINOR_DIGITS);
    return parsed.ok ? parsed : { ok: false, message: `${value} is too large` };
  }
  if (typeof value === 'boolean') return { ok: false, message: `${value ? 'TRUE' : 'FALSE'} where an amount belongs` };
  if (value instanceof Date) return { ok: false, message: 'a date where an amount belongs' };
  const text = value.trim();
  if (text === '') return { ok: true, minor: null };
  if (placeholders.has(text.toLowerCase())) return { ok: false, message: `"${text}" where an amount belongs` };
  // The accountant's zero: a lone dash in a formatted cell.
  if (/^[-–—−]$/.test(text)) return { ok: true, minor: 0 };
  const bare = stripCurrency(text);
  const parsed = parseAmount(options.decimalComma ? fromDecimalComma(bare) : bare, MINOR_DIGITS);
  if (parsed.ok) return parsed;
  if (!options.decimalComma && /^\(?[-−]?\d{1,3}(\.\d{3})*,\d{1,2}\)?-?$/.test(bare.replace(/\s/g, ''))) {
    return { ok: false, message: `"${text}" looks like a decimal-comma amount; choose decimal comma to read it as ${fromDecimalComma(bare)}` };
  }
  return { ok: false, message: `"${text}" where an amount belongs` };
}
