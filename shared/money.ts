/**
 * Money is an integer count of minor units (cents). It is parsed from what people type
 * and formatted only at the edge (screen, PDF, spreadsheet).
 */

const MAX_MINOR = Number.MAX_SAFE_INTEGER;

export type ParsedAmount = { ok: true; minor: number | null } | { ok: false; message: string };

/** "1234", "-1234.5", "0.07": at most 13 whole digits (so the result stays a safe integer) and at most two decimals. */
const simpleAmount = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * The fast path of parseAmount (cents only): a plain decimal number as a file or a spreadsheet
 * writes it, turned into minor units without the general parser's string juggling. Null when
 * the text is not that simple; then parseAmountGeneral decides. Whenever it answers, the answer
 * equals parseAmountGeneral's (a property test holds it to that).
 */
export function parseSimpleAmount(text: string): number | null {
  const m = simpleAmount.exec(text);
  if (m === null) return null;
  const frac = m[3];
  const minor = Number(m[2]) * 100 + (frac === undefined ? 0 : frac.length === 1 ? Number(frac) * 10 : Number(frac));
  return minor === 0 ? 0 : m[1] === '-' ? -minor : minor;
}

/**
 * Parses an amount as a person types it: "1,234.50", "1234.5", "(200)", "-200", "12k",
 * "1.5m", "$1,200", "200-". An empty string means "no value" (null), not zero.
 */
export function parseAmount(text: string, minorDigits = 2): ParsedAmount {
  if (minorDigits === 2) {
    const minor = parseSimpleAmount(text);
    if (minor !== null) return { ok: true, minor };
  }
  return parseAmountGeneral(text, minorDigits);
}

/** parseAmount without its fast path: the reference the fast path is tested against. */
export function parseAmountGeneral(text: string, minorDigits = 2): ParsedAmount {
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return { ok: true, minor: null };
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  s = s.replace(/^[$€£¥]|^[A-Z]{3}(?=\d)/, '');
  let multiplier = 1;
  const suffix = /([kKmM])$/.exec(s);
  if (suffix) {
    multiplier = suffix[1]!.toLowerCase() === 'k' ? 1_000 : 1_000_000;
    s = s.slice(0, -1);
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(s)) {
    return { ok: false, message: `"${text.trim()}" is not an amount` };
  }
  const [whole = '0', frac = ''] = s.replace(/,/g, '').split('.');
  // Work in decimal strings so "0.1" + scaling never meets binary floating point.
  const scale = minorDigits + Math.round(Math.log10(multiplier));
  const padded = (frac + '0'.repeat(scale)).slice(0, scale);
  const rest = frac.slice(scale);
  let minor = Number(BigInt(whole || '0') * 10n ** BigInt(scale) + BigInt(padded || '0'));
  if (rest !== '' && Number(rest[0]) >= 5) minor += 1; // round half away from zero
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) {
    return { ok: false, message: `"${text.trim()}" is too large` };
  }
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

export interface FormatOptions {
  currency?: string;
  /** Show the currency symbol/code. Default false: grids show bare numbers, headers say the currency. */
  withCurrency?: boolean;
  /** Digits after the decimal point. Default 0 for planning views; 2 shows cents. */
  decimals?: 0 | 2;
  /** Negative numbers in parentheses (finance convention). Default true. */
  parens?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  const key = String(decimals);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(key, f);
  }
  return f;
}

export function currencySymbol(currency: string): string {
  const symbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CAD: 'CA$', AUD: 'A$' };
  return symbols[currency] ?? `${currency} `;
}

/** Formats minor units: 123456 → "1,235"; -20000 → "(200)"; with decimals 2 → "1,234.56". */
export function formatMoney(minor: number, options: FormatOptions = {}): string {
  const { decimals = 0, parens = true, withCurrency = false, currency = 'USD' } = options;
  const major = Math.abs(minor) / 100;
  let body = numberFormat(decimals).format(major);
  if (body.replace(/[^1-9]/g, '') === '') body = numberFormat(decimals).format(0); // no "(0)"
  const rounded = Number(body.replace(/,/g, ''));
  if (withCurrency) body = currencySymbol(currency) + body;
  if (minor < 0 && rounded !== 0) return parens ? `(${body})` : `-${body}`;
  return body;
}

/** Minor units for an edit box: plain, no grouping, cents only when present. */
export function formatForEdit(minor: number | null): string {
  if (minor === null) return '';
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  return cents === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}

/** Percentage with one decimal, or an em dash when there is no base to compare with. */
export function formatPercent(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const pct = (value * 100).toFixed(1);
  return value < 0 ? `(${pct.replace('-', '')}%)` : `${pct}%`;
}
