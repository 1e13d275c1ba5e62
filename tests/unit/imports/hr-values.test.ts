import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  excelSerialToDate,
  hrStatus,
  isDateColumn,
  isDateHeader,
  localeDateOrder,
  parseDateCell,
  parseDateWithOrder,
} from '../../../electron/core/imports/hr-values';

describe('hrStatus', () => {
  it('maps status words to active, leaver or open role', () => {
    for (const w of ['Active', 'Employed', 'Current', 'On Leave', 'ACTIVE ']) expect(hrStatus(w), w).toBe('active');
    for (const w of ['Inactive', 'Terminated', 'Voluntarily Terminated', 'Involuntarily Terminated', 'Resigned', 'Retired', 'Left', 'Deceased']) {
      expect(hrStatus(w), w).toBe('leaver');
    }
    for (const w of ['Open', 'Vacant', 'Requisition', 'To be hired', 'TBH', 'Open - Req']) expect(hrStatus(w), w).toBe('open');
  });
  it('an unknown word is null: ask, never guess', () => {
    for (const w of ['Maybe', '', 'Yes', 'Manager', null, undefined]) expect(hrStatus(w), String(w)).toBeNull();
  });
});

describe('date order', () => {
  it('a first field over 12 means day-first; a second over 12 month-first', () => {
    expect(detectDateOrder(['07/05/11', '25/12/2010', '01/02/2011'])).toMatchObject({ order: 'dmy', fromHint: false, evidence: { dayFirst: 1, ambiguous: 2 } });
    expect(detectDateOrder(['07/05/11', '12/25/2010'])).toMatchObject({ order: 'mdy', evidence: { monthFirst: 1 } });
    expect(detectDateOrder(['2011-05-07', '2010-12-25'])).toMatchObject({ order: 'ymd' });
  });
  it('contradictory or ambiguous columns give no order unless a hint is given, and say so', () => {
    expect(detectDateOrder(['25/12/2010', '12/25/2010'])).toMatchObject({ order: null });
    const ambiguous = detectDateOrder(['07/05/11', '01/02/2011']);
    expect(ambiguous.order).toBeNull();
    expect(ambiguous.reason).toMatch(/choose the order/);
    expect(detectDateOrder(['07/05/11'], 'mdy')).toMatchObject({ order: 'mdy', fromHint: true });
    expect(detectDateOrder([])).toMatchObject({ order: null });
  });
  it('reads a date in an order, with two-digit years on the Excel pivot', () => {
    expect(parseDateWithOrder('07/05/11', 'mdy')).toBe('2011-07-05');
    expect(parseDateWithOrder('07/05/11', 'dmy')).toBe('2011-05-07');
    expect(parseDateWithOrder('3.4.65', 'dmy')).toBe('1965-04-03');
    expect(parseDateWithOrder('2011-05-07', 'dmy')).toBe('2011-05-07');
    expect(parseDateWithOrder('2011-05-07T10:00:00Z', 'mdy')).toBe('2011-05-07');
    expect(parseDateWithOrder('7 May 2011', 'mdy')).toBe('2011-05-07');
    expect(parseDateWithOrder('May 7, 2011', 'dmy')).toBe('2011-05-07');
    expect(parseDateWithOrder('07-May-11', 'mdy')).toBe('2011-05-07');
    expect(parseDateWithOrder('31/02/2011', 'dmy')).toBeNull();
    expect(parseDateWithOrder('25/12/2010', 'mdy')).toBeNull();
    expect(parseDateWithOrder('12345', 'dmy')).toBeNull();
    expect(localeDateOrder('en-US')).toBe('mdy');
    expect(localeDateOrder('en-GB')).toBe('dmy');
  });
  it('property: any real date written day-first or month-first reads back in its order', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), fc.boolean(), (d, dayFirst) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        const text = dayFirst ? `${day}/${m}/${y}` : `${m}/${day}/${y}`;
        expect(parseDateWithOrder(text, dayFirst ? 'dmy' : 'mdy')).toBe(iso);
        const detected = detectDateOrder([text]);
        if (detected.order !== null && Number(day) !== Number(m)) expect(detected.order).toBe(dayFirst ? 'dmy' : 'mdy');
      }),
    );
  });
});

describe('date columns and Excel serials', () => {
  it('a number is a date only in a column whose header names one', () => {
    expect(excelSerialToDate(40670)).toBe('2011-05-07');
    expect(parseDateCell(40670, 'dmy', true)).toBe('2011-05-07');
    expect(parseDateCell(40670, 'dmy', false)).toBeNull();
    expect(parseDateCell('40670', 'dmy', false)).toBeNull();
    expect(parseDateCell(new Date(Date.UTC(2011, 4, 7)), 'mdy', false)).toBe('2011-05-07');
    for (const h of ['Start date', 'Hire Date', 'DOB', 'Termination', 'Date of leaving']) expect(isDateHeader(h), h).toBe(true);
    for (const h of ['Employee ID', 'Start ID', 'Reports to', 'Name', 'Years of service']) expect(isDateHeader(h), h).toBe(false);
  });
  it('an ID column of numbers is never a date column; a column of written dates is', () => {
    expect(isDateColumn('Employee ID', [40670, 40671, 40672]).date).toBe(false);
    expect(isDateColumn('Joined', [40670]).date).toBe(true);
    expect(isDateColumn('Col C', ['07/05/11', '2011-05-07', '7 May 2011', ''])).toMatchObject({ date: true });
    expect(isDateColumn('Col C', ['A-12', 'B-13']).date).toBe(false);
  });
});
