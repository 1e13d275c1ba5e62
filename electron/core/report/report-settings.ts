/**
 * What the director writes for the pack: the commentary per period, "Prepared by" and the
 * confidentiality line. Each edit is an undoable change. Also the choices the Reports view offers
 * and the defaults the CLI takes, decided in one place.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  reportSectionIds,
  reportSectionTitles,
  type commentarySchema,
  type ReportChoices,
  type reportSettingsSchema,
} from '../../../shared/report';
import { fiscalYearMonths } from '../../../shared/periods';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { lastActualPeriod, type PlanRow } from '../budget/budget-queries';
import { reportCommentary, workspace } from '../db/schema';
import { withChange } from '../history/change';
import { getSettings } from '../workspace/workspace-service';
import { periodsWithActuals, resolvePeriod, type ReportPeriod } from './report-period';

type Commentary = z.infer<typeof commentarySchema>;
type ReportSettings = z.infer<typeof reportSettingsSchema>;

export function getReportSettings(ctx: Ctx): ReportSettings {
  const row = ctx.db.select({ preparedBy: workspace.preparedBy, confidentiality: workspace.confidentiality }).from(workspace).get();
  if (!row) throw new AppError('not_found', `${ctx.fileName} has no workspace settings yet: it was never initialised.`);
  return row;
}

export function setReportSettings(ctx: Ctx, input: ReportSettings): ReportSettings {
  const before = getReportSettings(ctx);
  const patch: Partial<ReportSettings> = {};
  if (input.preparedBy !== before.preparedBy) patch.preparedBy = input.preparedBy;
  if (input.confidentiality !== before.confidentiality) patch.confidentiality = input.confidentiality;
  if (Object.keys(patch).length > 0) {
    withChange(ctx, 'Edit board pack settings', (w) => {
      w.update('workspace', 1, patch);
    });
  }
  return getReportSettings(ctx);
}

export function getCommentary(ctx: Ctx, period: string): Commentary {
  const row = ctx.db.select().from(reportCommentary).where(eq(reportCommentary.id, period)).get();
  return { period, text: row?.text ?? '', updatedAt: row?.updatedAt ?? null };
}

/** Writes the commentary; an empty text removes it. Writing the same text again is not a change. */
export function setCommentary(ctx: Ctx, input: { period: string; text: string }): Commentary {
  const { fiscalYearStartMonth } = getSettings(ctx);
  const period = resolvePeriod(input.period, fiscalYearStartMonth);
  const text = input.text.replace(/\r\n?/g, '\n').trimEnd();
  const existing = ctx.db.select().from(reportCommentary).where(eq(reportCommentary.id, period.key)).get();
  if ((existing?.text ?? '') === text) return getCommentary(ctx, period.key);
  withChange(ctx, `Edit commentary for ${period.label}`, (w) => {
    if (text === '') w.remove('report_commentary', period.key);
    else if (existing) w.update('report_commentary', period.key, { text, updatedAt: isoNow(ctx) });
    else w.insert('report_commentary', { id: period.key, text, updatedAt: isoNow(ctx) });
  });
  return getCommentary(ctx, period.key);
}

function allPlans(ctx: Ctx): PlanRow[] {
  return ctx.db.$client
    .prepare('SELECT id, name, fiscal_year AS fiscalYear, scenario, status FROM plans ORDER BY fiscal_year DESC, name')
    .all() as PlanRow[];
}

/**
 * The period a pack is for when none is given: the latest month with actuals in a fiscal year that
 * has a plan; without such actuals, the first month of the newest plan's year (a budget-only
 * pack). Null in a workspace without plans.
 */
export function defaultPeriod(ctx: Ctx): string | null {
  const { fiscalYearStartMonth } = getSettings(ctx);
  const years = [...new Set(allPlans(ctx).map((p) => p.fiscalYear))];
  for (const year of years) {
    const months = fiscalYearMonths(year, fiscalYearStartMonth);
    const last = lastActualPeriod(ctx, months[0]!, months[11]!);
    if (last) return last;
  }
  return years.length === 0 ? null : fiscalYearMonths(years[0]!, fiscalYearStartMonth)[0]!;
}

const statusRank: Record<PlanRow['status'], number> = { approved: 0, locked: 1, draft: 2 };

/**
 * The plan a pack for the period uses when none is chosen: the approved plan of its fiscal year,
 * else the locked one, else the only plan of that year. Refused, with the candidates, when that
 * leaves a choice to make or no plan at all.
 */
export function defaultPlan(ctx: Ctx, period: ReportPeriod): PlanRow {
  const candidates = allPlans(ctx).filter((p) => p.fiscalYear === period.fiscalYear);
  if (candidates.length === 0) {
    throw new AppError('not_found', `There is no plan for FY${period.fiscalYear}, the fiscal year of ${period.label}: create or import one first.`);
  }
  const best = Math.min(...candidates.map((p) => statusRank[p.status]));
  const top = candidates.filter((p) => statusRank[p.status] === best);
  if (top.length === 1) return top[0]!;
  throw new AppError(
    'invalid_input',
    `FY${period.fiscalYear} has ${top.length} ${top[0]!.status} plans; choose one: ${top.map((p) => `"${p.name}"`).join(', ')}.`,
    { candidates: top.map((p) => p.name) },
  );
}

export function reportChoices(ctx: Ctx): ReportChoices {
  const { fiscalYearStartMonth } = getSettings(ctx);
  const plans = allPlans(ctx);
  const years = [...new Set(plans.map((p) => p.fiscalYear))];
  const periods = years.flatMap((fy) => {
    const months = fiscalYearMonths(fy, fiscalYearStartMonth);
    const last = lastActualPeriod(ctx, months[0]!, months[11]!);
    return last ? periodsWithActuals(fy, fiscalYearStartMonth, last) : [];
  });
  const fallback = defaultPeriod(ctx);
  if (fallback && !periods.some((p) => p.key === fallback)) periods.unshift(resolvePeriod(fallback, fiscalYearStartMonth));
  let defaultPlanId: string | null = null;
  if (fallback) {
    try {
      defaultPlanId = defaultPlan(ctx, resolvePeriod(fallback, fiscalYearStartMonth)).id;
    } catch {
      defaultPlanId = null;
    }
  }
  return {
    periods: periods.map((p) => ({ key: p.key, label: p.label })),
    defaultPeriod: fallback,
    plans: plans.map((p) => ({ id: p.id, name: p.name, fiscalYear: p.fiscalYear, status: p.status })),
    defaultPlanId,
    sections: reportSectionIds.map((id) => ({ id, title: reportSectionTitles[id] })),
    ...getReportSettings(ctx),
  };
}

/**
 * The day of the workspace's last change, else the day it was created: what a pack or go-bag is
 * dated by default, so the same state gives the same document (never the clock).
 */
export function lastChangeDay(ctx: Ctx): string {
  const row = ctx.db.$client
    .prepare(`SELECT (SELECT at FROM changes WHERE state = 'done' ORDER BY seq DESC LIMIT 1) AS at, (SELECT created_at FROM workspace) AS created`)
    .get() as { at: string | null; created: string };
  return (row.at ?? row.created).slice(0, 10);
}

/** A lower-case, dash-separated piece of a PDF's file name: "Larkspur Freight" → "larkspur-freight". */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);
}
