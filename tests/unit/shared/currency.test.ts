import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertMinor,
  currencyFromCell,
  currencyInAmountText,
  currencyOfSymbol,
  currencyRateSetSchema,
  describeConversion,
  formatMinorPlain,
  minorDigitsOf,
  parseRate,
  seasonalityProfileSetSchema,
} from '../../../shared/currency';

describe('symbols, codes and names', () => {
  it('$ is the workspace currency only when that is a dollar, else ambiguous', () => {
    expect(currencyOfSymbol('$', 'USD')).toEqual({ kind: 'known', code: 'USD', how: 'workspace-dollar' });
    expect(currencyOfSymbol('$', 'CAD')).toEqual({ kind: 'known', code: 'CAD', how: 'workspace-dollar' });
    expect(currencyOfSymbol('$', 'GBP')).toMatchObject({ kind: 'ambiguous', candidates: expect.arrayContaining(['USD', 'CAD', 'AUD']) });
    expect(currencyOfSymbol('¥', 'USD')).toMatchObject({ kind: 'ambiguous', candidates: ['JPY', 'CNY'] });
    expect(currencyOfSymbol('¥', 'JPY')).toMatchObject({ kind: 'known', code: 'JPY' });
    expect(currencyOfSymbol('kr', 'EUR').kind).toBe('ambiguous');
  });
  it('unambiguous symbols', () => {
    for (const [s, c] of [['€', 'EUR'], ['£', 'GBP'], ['R$', 'BRL'], ['CHF', 'CHF'], ['US$', 'USD'], ['C$', 'CAD'], ['₹', 'INR']]) {
      expect(currencyOfSymbol(s!, 'USD'), s).toEqual({ kind: 'known', code: c, how: 'symbol' });
    }
  });
  it('a currency column: codes, symbols, names', () => {
    expect(currencyFromCell('eur', 'USD')).toEqual({ kind: 'known', code: 'EUR', how: 'code' });
    expect(currencyFromCell('Euro', 'USD')).toEqual({ kind: 'known', code: 'EUR', how: 'name' });
    expect(currencyFromCell('Pound Sterling', 'USD')).toMatchObject({ code: 'GBP' });
    expect(currencyFromCell('$', 'AUD')).toMatchObject({ code: 'AUD' });
    expect(currencyFromCell('ABC', 'USD')).toEqual({ kind: 'none' });
  });
  it('the currency an amount is written in', () => {
    expect(currencyInAmountText('€1,200', 'USD')).toMatchObject({ kind: 'known', code: 'EUR' });
    expect(currencyInAmountText('1.200,50 €', 'USD')).toMatchObject({ kind: 'known', code: 'EUR' });
    expect(currencyInAmountText('EUR 1,200', 'USD')).toMatchObject({ kind: 'known', code: 'EUR', how: 'code' });
    expect(currencyInAmountText('1,200 GBP', 'USD')).toMatchObject({ kind: 'known', code: 'GBP' });
    expect(currencyInAmountText('(£200)', 'USD')).toMatchObject({ kind: 'known', code: 'GBP' });
    expect(currencyInAmountText('-$5', 'EUR')).toMatchObject({ kind: 'ambiguous' });
    expect(currencyInAmountText('R$ 10,00', 'USD')).toMatchObject({ code: 'BRL' });
    expect(currencyInAmountText('1,200', 'USD')).toEqual({ kind: 'none' });
    expect(currencyInAmountText('abc 12', 'USD')).toEqual({ kind: 'none' });
  });
});

describe('rates and conversion', () => {
  it('parses rates to canonical decimal text', () => {
    expect(parseRate('1.08')).toEqual({ ok: true, rate: '1.08' });
    expect(parseRate(' 0,9200 ')).toEqual({ ok: true, rate: '0.92' });
    expect(parseRate('0150')).toEqual({ ok: true, rate: '150' });
    expect(parseRate('0.000066667')).toEqual({ ok: true, rate: '0.000066667' });
    expect(parseRate('0')).toMatchObject({ ok: false, message: 'a rate must be more than 0' });
    expect(parseRate('-1')).toMatchObject({ ok: false });
    expect(parseRate('1e3')).toMatchObject({ ok: false });
    expect(currencyRateSetSchema.safeParse({ currency: 'eur', period: '2025-03', rate: '1.080' }).data).toEqual({ currency: 'EUR', period: '2025-03', rate: '1.08' });
    expect(currencyRateSetSchema.safeParse({ currency: 'EURO', period: '2025-03', rate: '1' }).success).toBe(false);
  });
  it('converts exactly, with each currency\u2019s minor digits, half away from zero', () => {
    expect(convertMinor(100_000, 'EUR', '1.08', 'USD')).toBe(108_000);
    expect(convertMinor(1000, 'JPY', '0.0067', 'USD')).toBe(670); // ¥1,000 → $6.70
    expect(convertMinor(1_000, 'USD', '150.5', 'JPY')).toBe(1505); // $10.00 → ¥1,505
    expect(convertMinor(1_000, 'KWD', '3.25', 'USD')).toBe(325); // KD 1.000 → $3.25
    expect(convertMinor(1, 'EUR', '1.5', 'USD')).toBe(2); // 1.5 → 2
    expect(convertMinor(-1, 'EUR', '1.5', 'USD')).toBe(-2); // half away from zero
    expect(convertMinor(1, 'EUR', '1.49', 'USD')).toBe(1);
    // Where a float would drift: 0.1 + 0.2 style.
    expect(convertMinor(3, 'EUR', '0.1', 'USD')).toBe(0);
    expect(convertMinor(15, 'EUR', '0.1', 'USD')).toBe(2);
    expect(minorDigitsOf('jpy')).toBe(0);
    expect(formatMinorPlain(-5, 'USD')).toBe('-0.05');
    expect(describeConversion(100_000, 'EUR', '1.08', 'USD')).toBe('EUR 1000.00 at 1.08 = USD 1080.00');
  });
  it('property: negation symmetric; rate 1 between same-digit currencies is the identity; within half a unit of exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), (amount, units, scale) => {
        const rate = parseRate((units / 10 ** scale).toFixed(scale));
        if (!rate.ok) return;
        const out = convertMinor(amount, 'EUR', rate.rate, 'USD');
        expect(convertMinor(-amount, 'EUR', rate.rate, 'USD')).toBe(0 - out);
        // |out × 10^scale − amount × units| ≤ 10^scale / 2
        const diff = BigInt(out) * 10n ** BigInt(scale) - BigInt(amount) * BigInt(units);
        const half = 10n ** BigInt(scale);
        expect(diff * 2n <= half && diff * 2n >= -half).toBe(true);
        expect(convertMinor(amount, 'EUR', '1', 'GBP')).toBe(amount);
      }),
    );
  });
});

describe('seasonality profile input', () => {
  it('takes twelve non-negative whole weights, not all zero', () => {
    expect(seasonalityProfileSetSchema.safeParse({ name: 'Retail', weights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4] }).success).toBe(true);
    expect(seasonalityProfileSetSchema.safeParse({ name: 'Short', weights: [1, 2] }).success).toBe(false);
    expect(seasonalityProfileSetSchema.safeParse({ name: 'Zero', weights: new Array(12).fill(0) }).success).toBe(false);
    expect(seasonalityProfileSetSchema.safeParse({ name: 'Neg', weights: [-1, ...new Array(11).fill(1)] }).success).toBe(false);
    expect(seasonalityProfileSetSchema.safeParse({ name: ' ', weights: new Array(12).fill(1) }).success).toBe(false);
  });
});
