/**
 * Reporting periods: a month (reported with the year to date), a fiscal quarter or a fiscal year,
 * turned into the month ranges the pack reads. Fiscal years are named for the calendar year they
 * end in (shared/periods.ts), so "2026-Q3" is the third quarter of FY2026 whatever its start month.
 */
import { fiscalYearMonths, fiscalYearOf, parsePeriod } from '../../../shared/periods';
import { AppError } from '../../../shared/result';

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface ReportPeriod {
  key: string;
  kind: 'month' | 'quarter' | 'year';
  /** "September 2026 YTD", "Q3 FY2026", "FY2026". */
  label: string;
  fiscalYear: number;
  /** The twelve months of the fiscal year. */
  yearMonths: string[];
  /** The months the period itself covers: one, three or twelve. */
  months: string[];
  /** The year to date runs from the first month of the fiscal year to this one (the period's last). */
  through: string;
}

export function monthName(p: string): string {
  const { year, month } = parsePeriod(p);
  return `${monthNames[month - 1]} ${year}`;
}

export function resolvePeriod(key: string, fiscalStartMonth: number): ReportPeriod {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month) {
    const fiscalYear = fiscalYearOf(key, fiscalStartMonth);
    const yearMonths = fiscalYearMonths(fiscalYear, fiscalStartMonth);
    return { key, kind: 'month', label: `${monthName(key)} YTD`, fiscalYear, yearMonths, months: [key], through: key };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    const fiscalYear = Number(quarter[1]);
    const q = Number(quarter[2]);
    const yearMonths = fiscalYearMonths(fiscalYear, fiscalStartMonth);
    const months = yearMonths.slice((q - 1) * 3, q * 3);
    return { key, kind: 'quarter', label: `Q${q} FY${fiscalYear}`, fiscalYear, yearMonths, months, through: months[2]! };
  }
  const year = /^FY(\d{4})$/.exec(key);
  if (year) {
    const fiscalYear = Number(year[1]);
    const yearMonths = fiscalYearMonths(fiscalYear, fiscalStartMonth);
    return { key, kind: 'year', label: `FY${fiscalYear}`, fiscalYear, yearMonths, months: yearMonths, through: yearMonths[11]! };
  }
  throw new AppError('invalid_input', `"${key}" is not a period: write a month (2026-09), a quarter (2026-Q3) or a fiscal year (FY2026).`);
}

/** Every period of a fiscal year that has actuals up to `lastActual`, newest first: months, then quarters and the year they end. */
export function periodsWithActuals(fiscalYear: number, fiscalStartMonth: number, lastActual: string): ReportPeriod[] {
  const yearMonths = fiscalYearMonths(fiscalYear, fiscalStartMonth);
  const out: ReportPeriod[] = [];
  yearMonths.forEach((m, i) => {
    if (m > lastActual) return;
    out.push(resolvePeriod(m, fiscalStartMonth));
    if (i % 3 === 2) out.push(resolvePeriod(`${fiscalYear}-Q${(i + 1) / 3}`, fiscalStartMonth));
    if (i === 11) out.push(resolvePeriod(`FY${fiscalYear}`, fiscalStartMonth));
  });
  return out.reverse();
}
