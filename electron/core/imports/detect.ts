/**
 * Finding what a sheet is before mapping it: where its header row is (below title rows,
 * instructions and blank rows), which kind of import its headers describe, whether it is wide
 * (a column per month) or long, and which department it belongs to when no column says so
 * (sheet name "210 Warehouse", a title "Cost centre 210", or the user's choice).
 */
import { importKinds, type ImportKind } from '../../../shared/imports';
import { cellText, normalizeHeader } from './headers';
import { headerCells, headerScore, type HeaderCell } from './mapping';
import type { CellValue, SheetData } from './model';

/** Rows searched for the header: templates rarely put more than a title block above it. */
export const HEADER_SEARCH_ROWS = 30;

export interface HeaderDetection {
  row: number;
  cells: HeaderCell[];
  kind: ImportKind;
  /** Score per kind, for explaining a choice. */
  scores: Map<ImportKind, number>;
}

function periodicCount(cells: readonly HeaderCell[]): number {
  return cells.filter((c) => c.kind.type === 'month').length;
}

function kindScores(cells: readonly HeaderCell[], hint: string): Map<ImportKind, number> {
  const scores = new Map<ImportKind, number>();
  for (const kind of importKinds) {
    let score = 0;
    for (const c of cells) if (c.kind.type === 'text') score += headerScore(kind, c.header);
    scores.set(kind, score);
  }
  const months = periodicCount(cells);
  const headers = new Set(cells.filter((c) => c.kind.type === 'text').map((c) => normalizeHeader(c.header)));
  const debitCredit = [...headers].some((h) => /^(debit|credit|dr|cr)/.test(h));
  const add = (kind: ImportKind, n: number) => scores.set(kind, (scores.get(kind) ?? 0) + n);
  if (months >= 2) {
    add('budget', months);
    add('actuals', months - 1);
  }
  if (debitCredit) add('actuals', 3);
  if (/actual|\bgl\b|ledger|journal/i.test(hint)) add('actuals', 3);
  if (/budget|plan|forecast|template/i.test(hint)) add('budget', 2);
  if (/people|headcount|employee|staff|\bhr\b/i.test(hint)) add('people', 2);
  if ([...headers].some((h) => /^(posting|gl)/.test(h))) add('actuals', 2);
  return scores;
}

function bestKind(scores: Map<ImportKind, number>): [ImportKind, number] {
  let best: [ImportKind, number] = ['budget', -1];
  for (const [kind, score] of scores) if (score > best[1]) best = [kind, score];
  return best;
}

/**
 * The header row: among the first rows, the one whose cells most look like headers of some kind
 * (a month header counts as one). At least two recognised cells are needed; a single word is
 * more likely a title. `kind`, when given, is the only kind scored.
 */
export function findHeaderRow(
  sheet: SheetData,
  kind: ImportKind | undefined,
  hint: string,
  /** Headers the user mapped by hand: they count as recognised wherever they appear. */
  givenHeaders: ReadonlySet<string> = new Set(),
): HeaderDetection | null {
  let best: HeaderDetection | null = null;
  let bestScore = 0;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r] ?? [];
    const cells = headerCells(row);
    const filled = cells.filter((c) => c.kind.type !== 'empty').length;
    if (filled < 2) continue;
    // A row holding many numbers is data, not headers.
    if (row.filter((v) => typeof v === 'number').length > filled / 2) continue;
    const scores = kindScores(cells, hint);
    const given = cells.filter((c) => c.kind.type === 'text' && givenHeaders.has(normalizeHeader(c.header))).length;
    for (const [k, v] of scores) scores.set(k, v + 2 * given);
    const [k, score] = kind ? [kind, scores.get(kind) ?? 0] : bestKind(scores);
    const recognised = cells.filter(
      (c) => c.kind.type === 'month' || (c.kind.type === 'text' && (headerScore(k, c.header) > 0 || givenHeaders.has(normalizeHeader(c.header)))),
    ).length;
    if (recognised < 2) continue;
    if (score > bestScore) {
      bestScore = score;
      best = { row: r, cells, kind: k, scores };
    }
  }
  return best;
}

export interface SheetDepartment {
  code: string;
  from: 'sheet name' | 'title';
}

const labelled = /\b(?:cost[\s-]*cent(?:re|er)|dept\.?|department|cc)\s*(?:code|no\.?|number|#)?\s*[:#=-]?\s*([A-Za-z0-9][A-Za-z0-9._-]*)/i;
const leadingCode = /^\s*([0-9][A-Za-z0-9._-]*)\s*[-–—:·]?\s+\p{L}/u;

function trimCode(code: string): string {
  return code.replace(/[._-]+$/, '');
}

/** A leading token that is a known code: "210 Warehouse", "WH-1 Warehouse", "999 =HYPERLINK(…)". */
function leadingKnownCode(text: string, codes: ReadonlySet<string>): string | null {
  const lead = /^\s*(\S+?)[-–—:·]?(?:\s|$)/u.exec(text);
  if (!lead) return null;
  const code = trimCode(lead[1]!);
  return codes.has(code) ? code : null;
}

/**
 * A department named by the sheet or its title block. "Cost centre 420" names a code outright; a
 * leading code ("210 Warehouse") or a department's name counts only when the workspace knows it,
 * so "2027 budget" is not taken for department 2027. Codes are looked for in every title row
 * before names are, because a title block often starts with the company's name, which may also
 * be the top department's ("Larkspur Freight" above "210 Warehouse").
 */
export function departmentFromSheet(
  sheet: SheetData,
  headerRow: number,
  known: { codes: ReadonlySet<string>; codeByName: ReadonlyMap<string, string> },
): SheetDepartment | null {
  const byCode = (text: string): string | null => {
    const l = labelled.exec(text);
    if (l && /\d/.test(l[1]!)) return trimCode(l[1]!);
    const lead = leadingCode.exec(text);
    if (lead && known.codes.has(trimCode(lead[1]!))) return trimCode(lead[1]!);
    if (known.codes.has(text.trim())) return text.trim();
    return leadingKnownCode(text, known.codes);
  };
  const byName = (text: string): string | null => known.codeByName.get(normalizeHeader(text)) ?? null;
  const titles: string[] = [];
  for (let r = 0; r < headerRow; r++) {
    for (const value of sheet.rows[r] ?? []) {
      const text = cellText(value as CellValue);
      if (text !== '') titles.push(text);
    }
  }
  for (const match of [byCode, byName]) {
    const fromName = match(sheet.name);
    if (fromName !== null) return { code: fromName, from: 'sheet name' };
    for (const text of titles) {
      const code = match(text);
      if (code !== null) return { code, from: 'title' };
    }
  }
  return null;
}

/**
 * A plan named at the start of a title line ("FY2027 · Base — budget template", as our templates
 * write it), among the workspace's plan names; the longest name wins ("FY2027 · Base case" over
 * "FY2027 · Base"). Only existing plans count: a title never creates one.
 */
export function planFromTitle(sheet: SheetData, headerRow: number, planNames: readonly string[]): string | null {
  const spaced = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
  const names = [...planNames].sort((a, b) => b.length - a.length);
  for (let r = 0; r < headerRow; r++) {
    for (const value of sheet.rows[r] ?? []) {
      const text = spaced(cellText(value as CellValue));
      if (text === '') continue;
      for (const name of names) {
        const n = spaced(name);
        if (text.startsWith(n) && !/[\p{L}\p{N}]/u.test(text.charAt(n.length))) return name;
      }
    }
  }
  return null;
}
