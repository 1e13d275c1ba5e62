import { describe, expect, it } from 'vitest';
import { parseCellAmount } from '../../../electron/core/imports/amounts';

const point = { decimalComma: false };
const comma = { decimalComma: true };

describe('amount cells', () => {
  it.each([
    [1234.5, 123450],
    [0.005, 1],
    [-0.005, -1],
    [1234.505, 123451],
    [-2.5, -250],
    [0, 0],
    [1e-9, 0],
  ])('number %p → %p minor units, rounding half away from zero', (value, minor) => {
    expect(parseCellAmount(value, point)).toEqual({ ok: true, minor });
  });

  it.each([
    ['1,234.50', 123450],
    ['(1,234.50)', -123450],
    ['1,234.50-', -123450],
    ['$1,200', 120000],
    ['-$1,200', -120000],
    ['1,200 USD', 120000],
    ['EUR 1,200.10', 120010],
    ['-', 0],
  ])('text %p → %p', (text, minor) => {
    expect(parseCellAmount(text, point)).toEqual({ ok: true, minor });
  });

  it.each([
    ['1.234,50', 123450],
    ['(1.234,50)', -123450],
    ['1234,5', 123450],
    ['1.234.567,89', 123456789],
    ['1.234,50 €', 123450],
    ['1 234,50', 123450],
  ])('decimal comma %p → %p', (text, minor) => {
    expect(parseCellAmount(text, comma)).toEqual({ ok: true, minor });
  });

  it('empty cells are no value, never zero', () => {
    expect(parseCellAmount(null, point)).toEqual({ ok: true, minor: null });
    expect(parseCellAmount('   ', point)).toEqual({ ok: true, minor: null });
  });

  it.each(['tbd', 'TBD', 'n/a', '#REF!', 'about 5', 'twelve'])('%p is an error, not a number', (text) => {
    const parsed = parseCellAmount(text, point);
    expect(parsed.ok).toBe(false);
  });

  it('a decimal-comma amount in a decimal-point file says how to read it', () => {
    const parsed = parseCellAmount('1.234,50', point);
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/decimal-comma/) });
  });

  it('dates and booleans are not amounts', () => {
    expect(parseCellAmount(new Date(), point).ok).toBe(false);
    expect(parseCellAmount(true, point).ok).toBe(false);
  });
});
