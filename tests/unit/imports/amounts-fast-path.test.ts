/**
 * The fast paths of amount parsing (plain numbers, plain numeric text) must answer exactly as
 * the general parsers do, for every input: random numbers, random numeric-looking text, and
 * random text around the edges of what counts as "plain".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellAmount, parseCellAmountGeneral } from '../../../electron/core/imports/amounts';
import { parseAmount, parseAmountGeneral, parseSimpleAmount } from '../../../shared/money';

const runs = { numRuns: 5000 };

/** Text close to plain amounts: digits, signs, points, commas, spaces, the odd letter or symbol. */
const amountish = fc
  .array(fc.constantFrom('0', '1', '5', '9', '0', '7', '.', ',', '-', '+', ' ', '\u00a0', '(', ')', 'k', 'm', 'e', '$', '€', 'E', 'U', 'R', '−'), { maxLength: 20 })
  .map((cs) => cs.join(''));
const digitText = fc.tuple(fc.boolean(), fc.stringMatching(/^\d{1,16}$/), fc.option(fc.stringMatching(/^\d{0,4}$/)), fc.constantFrom('', ' ', '  ')).map(
  ([neg, whole, frac, pad]) => `${pad}${neg ? '-' : ''}${whole}${frac === null ? '' : `.${frac}`}${pad}`,
);
const anyText = fc.oneof(amountish, digitText, fc.string({ maxLength: 12 }));
const numbers = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e15, max: 1e15 }),
  fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 100),
  fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 1000),
  fc.constantFrom(0, -0, 0.1 + 0.2, 1e21, -1e21, 9e13, 9e13 + 1, -9e13, 90_000_000_000_000.5, 1e-7, 5e-3, Infinity, -Infinity),
);

describe('amount parsing fast paths', () => {
  it('parseAmount equals the general parser on any text', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(0, 2, 3), (text, digits) => {
        expect(parseAmount(text, digits)).toEqual(parseAmountGeneral(text, digits));
      }),
      runs,
    );
  });

  it('parseSimpleAmount answers only what the general parser would', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const fast = parseSimpleAmount(text);
        if (fast !== null) expect({ ok: true, minor: fast }).toEqual(parseAmountGeneral(text, 2));
        if (fast !== null) expect(Object.is(fast, -0)).toBe(false);
      }),
      runs,
    );
  });

  it('parseCellAmount equals the general cell parser on numbers and text, decimal point or comma', () => {
    fc.assert(
      fc.property(fc.oneof(numbers, anyText), fc.boolean(), (value, decimalComma) => {
        const fast = parseCellAmount(value, { decimalComma });
        const general = parseCellAmountGeneral(value, { decimalComma });
        expect(fast).toEqual(general);
        if (fast.ok && fast.minor !== null) expect(Object.is(fast.minor, -0)).toBe(Object.is((general as { minor: number }).minor, -0));
      }),
      runs,
    );
  });
});
