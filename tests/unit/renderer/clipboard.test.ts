import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../renderer/src/features/budget/clipboard';

describe('spreadsheet clipboard blocks', () => {
  it('reads a block as Excel copies it: tabs, CRLF rows, one trailing newline', () => {
    expect(parseTsv('1,000\t2,000\r\n(50)\t12k\r\n')).toEqual([
      ['1,000', '2,000'],
      ['(50)', '12k'],
    ]);
  });

  it('keeps empty cells, so a block stays rectangular', () => {
    expect(parseTsv('1\t\t3\n\t5\t\n')).toEqual([
      ['1', '', '3'],
      ['', '5', ''],
    ]);
  });

  it('reads quoted cells with tabs, newlines and quotes inside', () => {
    expect(parseTsv('"a\tb"\t"say ""hi"""\n"two\nlines"\tx\n')).toEqual([
      ['a\tb', 'say "hi"'],
      ['two\nlines', 'x'],
    ]);
  });

  it('reads back what it writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '1', ',', ' ', '\t', '\n', '"', '(', ')') });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 4 })), (rows) => {
        // A single empty cell is indistinguishable from a blank line: spreadsheets never copy that.
        fc.pre(!(rows.length > 0 && rows.at(-1)!.every((c) => c === '') && rows.at(-1)!.length === 1));
        expect(parseTsv(toTsv(rows))).toEqual(rows);
      }),
    );
  });
});
