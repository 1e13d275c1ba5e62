import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatForEdit, formatMoney, formatPercent, parseAmount } from '../../../shared/money';

const minor = (text: string) => {
  const r = parseAmount(text);
  if (!r.ok) throw new Error(r.message);
  return r.minor;
};

describe('parseAmount', () => {
  it.each([
    ['1,234.50', 123450],
    ['1234.5', 123450],
    ['(200)', -20000],
    ['-200', -20000],
    ['200-', -20000],
    ['12k', 1200000],
    ['1.5m', 150000000],
    ['$1,200', 120000],
    ['0.005', 1],
    ['0.004', 0],
    ['.5', 50],
    ['  42 ', 4200],
    ['1 234', 123400],
  ])('%s → %d minor units', (text, expected) => {
    expect(minor(text)).toBe(expected);
  });

  it('empty means no value, not zero', () => {
    expect(minor('')).toBeNull();
    expect(minor('   ')).toBeNull();
  });

  it.each(['tbd', '1,23', '12kk', '1.2.3', '--5', '(5', 'NaN', 'Infinity', '1e5', '99999999999999999999'])('refuses %s with a message', (text) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(text.trim());
  });

  it('round-trips every amount through the edit format', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
        expect(minor(formatForEdit(n))).toBe(n);
      }),
    );
  });

  it('reads what formatMoney writes, with cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
        expect(minor(formatMoney(n, { decimals: 2 }))).toBe(n);
      }),
    );
  });
});

describe('formatMoney', () => {
  it('groups thousands and puts negatives in parentheses', () => {
    expect(formatMoney(123456789)).toBe('1,234,568');
    expect(formatMoney(-20000)).toBe('(200)');
    expect(formatMoney(-123456, { decimals: 2 })).toBe('(1,234.56)');
    expect(formatMoney(-123456, { parens: false })).toBe('-1,235');
    expect(formatMoney(150000, { withCurrency: true, currency: 'EUR' })).toBe('€1,500');
  });

  it('never prints a negative zero', () => {
    expect(formatMoney(-4)).toBe('0');
    expect(formatMoney(0)).toBe('0');
  });

  it('formats percentages with parentheses for negatives and a dash for none', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(-0.05)).toBe('(5.0%)');
    expect(formatPercent(null)).toBe('—');
  });
});
