/**
 * THE currency rules: which currency a symbol, code or name means, how many minor digits a
 * currency has, what a rate is (an exact decimal), and converting an amount exactly. The importer,
 * the rates service, the settings panel and any later report use this module.
 *
 * A rate says how many workspace-currency units one unit of the foreign currency is worth in a
 * month ("EUR 1.08" in a USD workspace: €1 = $1.08). Rates are decimal text, never binary floats,
 * and conversion is BigInt arithmetic. Rounding is half away from zero (what Excel's ROUND and
 * parseAmount in shared/money.ts do), so a converted figure reconciles with a spreadsheet.
 *
 * '$' alone is ambiguous (USD, CAD, AUD, …): it means the workspace's currency when that is a
 * dollar currency, and is otherwise ambiguous — never assumed to be US dollars. '¥' and 'kr' alike.
 */
import { z } from 'zod';
import { mutation, query } from './method';

/** Currencies whose minor unit is not the cent. ISO 4217; everything else here has 2 digits. */
const minorDigitsByCode: Record<string, number> = {
  JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, PYG: 0, UGX: 0, XAF: 0, XOF: 0, XPF: 0, RWF: 0, KMF: 0, GNF: 0, VUV: 0, DJF: 0, BIF: 0,
  KWD: 3, BHD: 3, OMR: 3, JOD: 3, TND: 3, LYD: 3, IQD: 3,
};

/** ISO 4217 codes the importer recognises in a file (a code not listed is not taken for a currency). */
export const knownCurrencies: readonly string[] = [
  'AED', 'ARS', 'AUD', 'BDT', 'BGN', 'BHD', 'BRL', 'CAD', 'CHF', 'CLP', 'CNY', 'COP', 'CZK', 'DKK', 'EGP', 'EUR', 'GBP', 'HKD',
  'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'ISK', 'JOD', 'JPY', 'KES', 'KRW', 'KWD', 'LYD', 'MAD', 'MXN', 'MYR', 'NGN', 'NOK', 'NZD',
  'OMR', 'PEN', 'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'RUB', 'SAR', 'SEK', 'SGD', 'THB', 'TND', 'TRY', 'TWD', 'UAH', 'USD', 'VND',
  'XAF', 'XOF', 'ZAR',
];
const knownSet = new Set(knownCurrencies);

export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO 4217 code, e.g. EUR');

/** Digits after the decimal point in the currency's minor unit: 2 mostly, 0 for JPY, 3 for KWD. */
export function minorDigitsOf(currency: string): number {
  return minorDigitsByCode[currency.toUpperCase()] ?? 2;
}

export function isKnownCurrency(code: string): boolean {
  return knownSet.has(code.toUpperCase());
}

const dollarCurrencies = ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'TWD'];

/** Symbols that name exactly one currency, longest first where they share a prefix. */
const symbolCodes: [string, string][] = [
  ['US$', 'USD'], ['USD$', 'USD'], ['CA$', 'CAD'], ['CAD$', 'CAD'], ['C$', 'CAD'], ['AU$', 'AUD'], ['A$', 'AUD'], ['NZ$', 'NZD'],
  ['S$', 'SGD'], ['SG$', 'SGD'], ['HK$', 'HKD'], ['R$', 'BRL'], ['MX$', 'MXN'], ['NT$', 'TWD'],
  ['€', 'EUR'], ['£', 'GBP'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'], ['₺', 'TRY'], ['₪', 'ILS'], ['₱', 'PHP'], ['฿', 'THB'],
  ['₫', 'VND'], ['₦', 'NGN'], ['₴', 'UAH'], ['zł', 'PLN'], ['Kč', 'CZK'], ['Ft', 'HUF'], ['lei', 'RON'], ['RM', 'MYR'], ['Rp', 'IDR'],
  ['CHF', 'CHF'], ['Fr.', 'CHF'], ['元', 'CNY'], ['円', 'JPY'], ['R', 'ZAR'],
];

/** Symbols several currencies use. */
const ambiguousSymbols: Record<string, string[]> = {
  $: dollarCurrencies,
  '¥': ['JPY', 'CNY'],
  kr: ['SEK', 'NOK', 'DKK', 'ISK'],
  'kr.': ['DKK', 'ISK'],
};

const currencyNames: [RegExp, string][] = [
  [/^(us |u s |american )?dollars?$|^usd$/, 'USD'],
  [/^euros?$/, 'EUR'],
  [/^(british )?pounds?( sterling)?$|^sterling$/, 'GBP'],
  [/^(japanese )?yen$/, 'JPY'],
  [/^(swiss )?francs?$/, 'CHF'],
  [/^canadian dollars?$/, 'CAD'],
  [/^australian dollars?$/, 'AUD'],
  [/^(chinese )?(yuan|renminbi|rmb)$/, 'CNY'],
  [/^(indian )?rupees?$/, 'INR'],
];

export type CurrencyReading =
  | { kind: 'none' }
  | { kind: 'known'; code: string; how: 'code' | 'symbol' | 'name' | 'workspace-dollar' }
  | { kind: 'ambiguous'; symbol: string; candidates: string[] };

/**
 * What a symbol means: one currency, or several. '$' (and '¥', 'kr') is the workspace currency
 * when that is one of its candidates; otherwise ambiguous.
 */
export function currencyOfSymbol(symbol: string, workspaceCurrency: string): CurrencyReading {
  const s = symbol.trim();
  const exact = symbolCodes.find(([sym]) => sym === s);
  if (exact) return { kind: 'known', code: exact[1], how: 'symbol' };
  const candidates = ambiguousSymbols[s.toLowerCase()] ?? ambiguousSymbols[s];
  if (candidates) {
    return candidates.includes(workspaceCurrency.toUpperCase())
      ? { kind: 'known', code: workspaceCurrency.toUpperCase(), how: 'workspace-dollar' }
      : { kind: 'ambiguous', symbol: s, candidates: [...candidates] };
  }
  return { kind: 'none' };
}

/** A currency column's cell: a code ("EUR", "eur"), a symbol ("€", "$") or a name ("Euro", "US Dollars"). */
export function currencyFromCell(value: string, workspaceCurrency: string): CurrencyReading {
  const t = value.trim();
  if (t === '') return { kind: 'none' };
  if (/^[A-Za-z]{3}$/.test(t) && isKnownCurrency(t)) return { kind: 'known', code: t.toUpperCase(), how: 'code' };
  const bySymbol = currencyOfSymbol(t, workspaceCurrency);
  if (bySymbol.kind !== 'none') return bySymbol;
  const k = t.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  for (const [pattern, code] of currencyNames) if (pattern.test(k)) return { kind: 'known', code, how: 'name' };
  return { kind: 'none' };
}

const symbolAlternation = [...symbolCodes.map(([s]) => s), ...Object.keys(ambiguousSymbols)]
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const leading = new RegExp(`^[-(\\s]*(${symbolAlternation}|[A-Za-z]{3})\\s*(?=[-(]?\\s*[\\d.,])`);
const trailing = new RegExp(`[\\d.,)]\\s*(${symbolAlternation}|[A-Za-z]{3})\\s*\\)?$`);

/**
 * The currency an amount's text is written in: "€1,200", "1.200 €", "EUR 1,200", "1,200 USD",
 * "$1,200" (see currencyOfSymbol), "(£200)". None for a bare number.
 */
export function currencyInAmountText(text: string, workspaceCurrency: string): CurrencyReading {
  const t = text.trim();
  const m = leading.exec(t) ?? trailing.exec(t);
  if (!m) return { kind: 'none' };
  const mark = m[1]!;
  if (/^[A-Za-z]{3}$/.test(mark)) {
    if (isKnownCurrency(mark)) return { kind: 'known', code: mark.toUpperCase(), how: 'code' };
    // A three-letter word that is not a currency: a symbol match might still apply ("kr."), else none.
    const asSymbol = currencyOfSymbol(mark, workspaceCurrency);
    return asSymbol;
  }
  return currencyOfSymbol(mark, workspaceCurrency);
}

/* ------------------------------------------------------------------------------------------ */
/* Rates and conversion                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** A rate as decimal text: positive, at most 9 whole digits and 12 decimals. */
const rateText = /^(\d{1,9})(?:\.(\d{1,12}))?$/;

/**
 * A rate as typed ("1.08", "0,92" with a decimal comma, " 150 ") in its canonical text ("1.08",
 * "0.92", "150"), or why it is no rate.
 */
export function parseRate(text: string): { ok: true; rate: string } | { ok: false; message: string } {
  const t = text.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  const m = rateText.exec(t);
  if (!m) return { ok: false, message: `"${text.trim()}" is not a rate: write it as a positive decimal, e.g. 1.08` };
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (/^0*$/.test(whole) && frac === '') return { ok: false, message: 'a rate must be more than 0' };
  return { ok: true, rate: frac === '' ? whole : `${whole}.${frac}` };
}

export const rateSchema = z.string().transform((s, ctx) => {
  const parsed = parseRate(s);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.rate;
});

function rateFraction(rate: string): { num: bigint; den: bigint } {
  const parsed = parseRate(rate);
  if (!parsed.ok) throw new RangeError(parsed.message);
  const [whole, frac = ''] = parsed.rate.split('.');
  return { num: BigInt(whole! + frac), den: 10n ** BigInt(frac.length) };
}

/** n / d rounded half away from zero; d > 0. */
function divideRounded(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const a = negative ? -n : n;
  const q = a / d;
  const r = a % d;
  const rounded = r * 2n >= d ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/**
 * Converts `amountMinor` (minor units of `fromCurrency`) at `rate` (workspace units per foreign
 * unit) into minor units of `toCurrency`, exactly, rounded half away from zero once at the end.
 * Minor digits are each currency's own: ¥1,000 (1000 minor) at 0.0067 → $6.70 (670 minor).
 */
export function convertMinor(amountMinor: number, fromCurrency: string, rate: string, toCurrency: string): number {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`${amountMinor} is not a whole number of minor units`);
  const { num, den } = rateFraction(rate);
  const shift = minorDigitsOf(toCurrency) - minorDigitsOf(fromCurrency);
  const n = BigInt(amountMinor) * num * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const d = den * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  const result = divideRounded(n, d);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${fromCurrency} ${formatMinorPlain(amountMinor, fromCurrency)} at ${rate} is too large to hold`);
  }
  const value = Number(result);
  return value === 0 ? 0 : value;
}

/** Minor units as plain decimal text in the currency's own digits: 123456 USD → "1234.56", 1000 JPY → "1000". */
export function formatMinorPlain(amountMinor: number, currency: string): string {
  const digits = minorDigitsOf(currency);
  const negative = amountMinor < 0;
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const body = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

/** How a conversion reads in lineage: "EUR 1000.00 at 1.08 = USD 1080.00". */
export function describeConversion(amountMinor: number, fromCurrency: string, rate: string, toCurrency: string): string {
  const converted = convertMinor(amountMinor, fromCurrency, rate, toCurrency);
  return `${fromCurrency} ${formatMinorPlain(amountMinor, fromCurrency)} at ${rate} = ${toCurrency} ${formatMinorPlain(converted, toCurrency)}`;
}

/* ------------------------------------------------------------------------------------------ */
/* IPC shapes                                                                                  */
/* ------------------------------------------------------------------------------------------ */

const periodText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period must be YYYY-MM');

export const currencyRateSchema = z.object({
  id: z.string(),
  currency: z.string(),
  period: z.string(),
  rate: z.string(),
  updatedAt: z.string(),
});
export type CurrencyRate = z.infer<typeof currencyRateSchema>;

export const currencyRateSetSchema = z.object({ currency: currencyCodeSchema, period: periodText, rate: rateSchema });
export const currencyRateDeleteSchema = z.object({ id: z.string().min(1).max(64) });

export const seasonalityProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  weights: z.array(z.number().int()),
  updatedAt: z.string(),
});
export type SeasonalityProfile = z.infer<typeof seasonalityProfileSchema>;

export const seasonalityWeightsSchema = z
  .array(z.number().int('weights are whole numbers').min(0, 'weights are 0 or more').max(1_000_000_000))
  .length(12, 'a profile has 12 monthly weights')
  .refine((w) => w.some((x) => x > 0), 'at least one weight must be more than 0');

export const seasonalityProfileSetSchema = z.object({
  /** Absent to create; present to edit (rename or new weights). */
  id: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1, 'name is required').max(100),
  weights: seasonalityWeightsSchema,
});
export const seasonalityProfileDeleteSchema = z.object({ id: z.string().min(1).max(64) });

const none = z.object({}).strict();
const byId = z.object({ id: z.string().min(1).max(64) }).strict();
const done = z.object({ ok: z.literal(true) });

/** The rates and seasonality profiles calls, spread into shared/contract.ts. */
export const currencyMethods = {
  'currency.listRates': query(none, z.array(currencyRateSchema), 'Every exchange rate, by currency then month (workspace units per 1 foreign unit).'),
  'currency.setRate': mutation(currencyRateSetSchema.strict(), currencyRateSchema, 'Add or replace the rate of a currency for a month, as an undoable change.'),
  'currency.deleteRate': mutation(byId, done, 'Delete one rate, as an undoable change.'),
  'currency.importRates': mutation(
    z.object({ csv: z.string().max(2_000_000), fileName: z.string().max(255).optional() }).strict(),
    z.object({ written: z.number().int() }),
    'Import a rates CSV (currency, period, rate) as one undoable change, or refuse it whole naming every bad line.',
  ),
  'seasonality.listProfiles': query(none, z.array(seasonalityProfileSchema), 'Every seasonality profile, by name.'),
  'seasonality.setProfile': mutation(seasonalityProfileSetSchema.strict(), seasonalityProfileSchema, 'Add (no id) or edit a seasonality profile, as an undoable change.'),
  'seasonality.deleteProfile': mutation(byId, done, 'Delete a seasonality profile, as an undoable change.'),
} as const;
