/**
 * The Reports view's decisions that need no React: which plans fit a period, what a render asks
 * for, when the commentary counts as changed, and the one-answer-wins rule for overlapping renders.
 * Kept plain so tests/unit/renderer can check them without a browser.
 */
import type { PaperSize, ReportChoices, ReportOptions, ReportSectionId } from '../../../../shared/report';
import { fiscalYearOf } from '../../../../shared/periods';

export type ReportPlan = ReportChoices['plans'][number];

/** The fiscal year a report period belongs to: "2026-Q3" and "FY2026" say it; a month is counted. */
export function fiscalYearOfReportPeriod(key: string, fiscalStartMonth: number): number | null {
  const quarterOrYear = /^(?:(\d{4})-Q[1-4]|FY(\d{4}))$/.exec(key);
  if (quarterOrYear) return Number(quarterOrYear[1] ?? quarterOrYear[2]);
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) return fiscalYearOf(key, fiscalStartMonth);
  return null;
}

/** The plans a pack for this period can compare against: those of the period's fiscal year. */
export function plansForPeriod(plans: readonly ReportPlan[], fiscalYear: number | null): ReportPlan[] {
  return fiscalYear === null ? [...plans] : plans.filter((p) => p.fiscalYear === fiscalYear);
}

const statusRank: Readonly<Record<string, number>> = { approved: 0, locked: 1, draft: 2 };

/**
 * The plan the workspace itself would take (report-settings.ts in core): the approved plan of
 * the year, else the locked one, else the only one. Null when that leaves a choice, so the view
 * asks rather than guesses.
 */
export function defaultPlanFor(plans: readonly ReportPlan[]): string | null {
  if (plans.length === 0) return null;
  const rank = (p: ReportPlan) => statusRank[p.status] ?? 3;
  const best = Math.min(...plans.map(rank));
  const top = plans.filter((p) => rank(p) === best);
  return top.length === 1 ? top[0]!.id : null;
}

/**
 * Keeps the user's plan when it fits the period; otherwise the year's default; otherwise the
 * first plan of the year (the user can change it); null when the year has none.
 */
export function planForPeriod(plans: readonly ReportPlan[], fiscalYear: number | null, current: string | null): string | null {
  const fitting = plansForPeriod(plans, fiscalYear);
  if (current && fitting.some((p) => p.id === current)) return current;
  return defaultPlanFor(fitting) ?? fitting[0]?.id ?? null;
}

export interface ReportSelection {
  period: string;
  planId: string | null;
  /** Every section id the workspace offers, in print order, and whether each is on. */
  sections: readonly ReportSectionId[];
  paper: PaperSize;
}

/** What report.render is asked for; sections go in print order whatever order they were ticked in. */
export function renderOptions(selection: ReportSelection, offered: readonly ReportSectionId[]): ReportOptions {
  const on = new Set(selection.sections);
  return {
    period: selection.period,
    ...(selection.planId ? { planId: selection.planId } : {}),
    sections: offered.filter((id) => on.has(id)),
    paper: selection.paper,
  };
}

/** Ticks or unticks one section. */
export function toggleSection(sections: readonly ReportSectionId[], id: ReportSectionId, on: boolean): ReportSectionId[] {
  const rest = sections.filter((s) => s !== id);
  return on ? [...rest, id] : rest;
}

/**
 * The commentary as the workspace stores it (report-settings.ts: line endings made \n, trailing
 * space dropped), so typing a trailing newline or a Windows paste does not read as unsaved.
 */
export function normaliseCommentary(text: string): string {
  return text.replace(/\r\n?/g, '\n').trimEnd();
}

export function commentaryDirty(draft: string | undefined, saved: string | null | undefined): boolean {
  if (draft === undefined || saved === null || saved === undefined) return false;
  return normaliseCommentary(draft) !== normaliseCommentary(saved);
}

/**
 * One answer wins: each request takes a ticket, and only the newest ticket's answer may be shown.
 * An older render that comes back late (a slow pack, then a quick change) is dropped.
 */
export class LatestOnly {
  private last = 0;

  /** A new ticket; every earlier one is stale from now on. */
  next(): number {
    this.last += 1;
    return this.last;
  }

  isCurrent(ticket: number): boolean {
    return ticket === this.last;
  }

  /** Makes every ticket handed out so far stale (the view closed, the options were cleared). */
  cancel(): void {
    this.last += 1;
  }
}

export type ExportPhase =
  | { step: 'idle' }
  | { step: 'rendering' }
  | { step: 'saving'; pages: number; fileName: string }
  | { step: 'saved'; pages: number; fileName: string; path: string | null }
  | { step: 'cancelled'; pages: number; fileName: string }
  | { step: 'failed'; message: string };

/** The words the export button's status line shows for each phase. */
export function exportStatus(phase: ExportPhase): string {
  switch (phase.step) {
    case 'idle':
      return '';
    case 'rendering':
      return 'Rendering the pack…';
    case 'saving':
      return `Saving ${plural(phase.pages, 'page')}…`;
    case 'saved':
      return `Saved ${phase.path ?? phase.fileName} · ${plural(phase.pages, 'page')}`;
    case 'cancelled':
      return 'Not saved.';
    case 'failed':
      return phase.message;
  }
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** CSS size of a preview page: the column's width, the page's own proportions. */
export function pageBox(page: { width: number; height: number }, columnWidth: number): { width: number; height: number } {
  const width = Math.max(1, Math.round(columnWidth));
  return { width, height: Math.max(1, Math.round((width * page.height) / page.width)) };
}

/**
 * The scale pdf.js draws at for a crisp page: device pixels across the CSS width, capped so a
 * huge monitor does not allocate a 100-megapixel canvas per page.
 */
export function renderScale(pageWidthPt: number, cssWidth: number, devicePixelRatio: number, maxPixels = 2400): number {
  const pixels = Math.min(cssWidth * Math.max(1, devicePixelRatio), maxPixels);
  return pixels / pageWidthPt;
}
