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
 * Amount cells as minor units. Plain numbers and plain numeric text ("1234.5") — nearly every
 * cell of a real file — take a fast path; everything else goes through parseCellAmountGeneral.
 * Both give the same answer for every value (a property test holds them to that).
 */
export function parseCellAmount(value: CellValue, options: { decimalComma: boolean }): CellAmount {
  if (typeof value === 'number') {
    // + 0 turns -0 into 0, as the general parser does.
    if (Number.isInteger(value) && Math.abs(value) <= MAX_FAST_INTEGER) return { ok: true, minor: value * 100 + 0 };
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
