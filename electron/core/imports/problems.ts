/**
 * Collects the problems of one import plan, each tied to a file!sheet!cell reference. A
 * million-row file with the wrong column mapped would otherwise produce a million lines; past a
 * cap the rest are counted, not listed, and the plan still refuses.
 */
import type { ImportProblem } from '../../../shared/imports';
import { cellRef, sheetPrefix } from './model';

export const MAX_LISTED_PROBLEMS = 500;

export class Problems {
  readonly listed: ImportProblem[] = [];
  errors = 0;
  warnings = 0;
  private unlistedErrors = 0;
  private unlistedWarnings = 0;

  constructor(readonly fileName: string) {}

  ref(sheet?: string, row?: number, column?: number): string {
    if (sheet === undefined) return this.fileName;
    if (row === undefined || column === undefined) return sheetPrefix(this.fileName, sheet);
    return `${sheetPrefix(this.fileName, sheet)}!${cellRef(row, column)}`;
  }

  /** The listed problems' keys: the same problem at the same cell is said once (a cell read for several months, say). */
  private readonly seen = new Set<string>();

  add(severity: ImportProblem['severity'], ref: string, message: string): void {
    if (this.listed.length < MAX_LISTED_PROBLEMS) {
      const key = `${severity}\u0000${ref}\u0000${message}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    if (severity === 'error') this.errors++;
    else this.warnings++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push({ severity, ref, message });
    else if (severity === 'error') this.unlistedErrors++;
    else this.unlistedWarnings++;
  }

  error(ref: string, message: string): void {
    this.add('error', ref, message);
  }

  warn(ref: string, message: string): void {
    this.add('warning', ref, message);
  }

  /**
   * Adds another collector's problems after this one's, exactly as if each had been added here in
   * its order: problems found at the same time but listed after others (a file's figures are
   * checked while later rows are still being read) keep the order of a one-pass plan.
   */
  append(other: Problems): void {
    for (const p of other.listed) this.add(p.severity, p.ref, p.message);
    this.errors += other.unlistedErrors;
    this.unlistedErrors += other.unlistedErrors;
    this.warnings += other.unlistedWarnings;
    this.unlistedWarnings += other.unlistedWarnings;
  }

  /** The listed problems, errors first, with a closing line for what was not listed. */
  all(): ImportProblem[] {
    const out = [...this.listed.filter((p) => p.severity === 'error'), ...this.listed.filter((p) => p.severity === 'warning')];
    if (this.unlistedErrors > 0) out.push({ severity: 'error', ref: this.fileName, message: `…and ${this.unlistedErrors} more errors not listed` });
    if (this.unlistedWarnings > 0) out.push({ severity: 'warning', ref: this.fileName, message: `…and ${this.unlistedWarnings} more warnings not listed` });
    return out;
  }
}
