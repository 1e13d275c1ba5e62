/**
 * The figures the pack prints, read through the same services and SQL as the screens: the
 * variance view's report (varianceReport) per department and range, the org and people lists,
 * and the per-month budget vs actual. Spend is expense + capex, as in the variance view; revenue
 * is reported beside it. Every function here only reads; board-pack.ts runs them all inside one
 * read transaction.
 */
import type { AccountType } from '../../../shared/budget';
import type { Department, Person } from '../../../shared/org';
import { budgetVsActualByPeriod } from '../budget/budget-queries';
import { figures, varianceReport } from '../budget/variance-service';
import type { VarianceReport } from '../../../shared/budget';
import type { Ctx } from '../context';
import type { ReportPeriod } from './report-period';

export interface Fig {
  budget: number;
  actual: number;
  variance: number;
  variancePct: number | null;
  favourable: boolean | null;
}

export interface Forecast {
  budget: number;
  /** Actuals for the year to date plus the budget of the months still to come. */
  forecast: number;
  variance: number;
  variancePct: number | null;
  favourable: boolean | null;
}

export interface DepartmentFigures {
  departmentId: string;
  code: string;
  name: string;
  depth: 0 | 1;
  spend: { period: Fig; ytd: Fig; fullYear: Forecast };
  revenue: { period: Fig; ytd: Fig; fullYear: Forecast };
}

export interface Ranges {
  period: { from: string; to: string };
  ytd: { from: string; to: string };
  year: { from: string; to: string };
  /**
   * The months of the year to date that have actuals (from the year's start to the last month with
   * any actual), or null when none has. The forecast takes actuals for these months and the budget
   * for every month after them, so a month not yet booked counts at its budget, not at zero.
   */
  booked: { from: string; to: string } | null;
}

/**
 * How deep the departments the pack calls "top level" sit: the roots, or, when the whole tree hangs
 * under one root (the company itself, as in most org charts), that root's children.
 */
export function topDepth(tree: Department[]): number {
  const roots = tree.filter((d) => d.depth === 0);
  return roots.length === 1 && roots[0]!.childCount > 0 ? 1 : 0;
}

/** The pack's top-level departments (depth 0) and the level below (depth 1), in tree order. */
export function reportingLevels(tree: Department[]): { department: Department; level: 0 | 1 }[] {
  const base = topDepth(tree);
  return tree.flatMap((d) => (d.depth === base || d.depth === base + 1 ? [{ department: d, level: (d.depth - base) as 0 | 1 }] : []));
}

export function rangesOf(period: ReportPeriod, actualsThrough: string | null): Ranges {
  const first = period.yearMonths[0]!;
  const last = period.yearMonths[11]!;
  return {
    period: { from: period.months[0]!, to: period.through },
    ytd: { from: first, to: period.through },
    year: { from: first, to: last },
    booked: actualsThrough === null ? null : { from: first, to: actualsThrough },
  };
}

/** Full-year forecast: actuals to date + the budget of the months after the last booked one. */
export function forecastOf(ytd: Fig, bookedBudget: number, yearBudget: number, kind: AccountType | 'spend'): Forecast {
  const forecast = ytd.actual + (yearBudget - bookedBudget);
  const f = figures(yearBudget, forecast, kind);
  return { budget: yearBudget, forecast, variance: f.variance, variancePct: f.variancePct, favourable: f.favourable };
}

function spendAndRevenue(subtotals: { type: AccountType; budget: number; actual: number }[]) {
  let budget = 0;
  let actual = 0;
  let revenueBudget = 0;
  let revenueActual = 0;
  for (const s of subtotals) {
    if (s.type === 'revenue') {
      revenueBudget += s.budget;
      revenueActual += s.actual;
    } else {
      budget += s.budget;
      actual += s.actual;
    }
  }
  return { spend: figures(budget, actual, 'spend'), revenue: figures(revenueBudget, revenueActual, 'revenue') };
}

type Both = Pick<DepartmentFigures, 'spend' | 'revenue'>;

interface Reports {
  period: VarianceReport;
  ytd: VarianceReport;
  year: VarianceReport;
  /** The booked months' report (the year to date's own when every month of it is booked); null when nothing is booked. */
  booked: VarianceReport | null;
}

function reportsOf(ctx: Ctx, planId: string, ranges: Ranges, departmentId: string): Reports {
  const ytd = varianceReport(ctx, { planId, departmentId, ...ranges.ytd });
  return {
    period: varianceReport(ctx, { planId, departmentId, ...ranges.period }),
    ytd,
    year: varianceReport(ctx, { planId, departmentId, ...ranges.year }),
    booked: ranges.booked === null ? null : ranges.booked.to === ranges.ytd.to ? ytd : varianceReport(ctx, { planId, departmentId, ...ranges.booked }),
  };
}

type Pair = { spend: Fig; revenue: Fig };
const nothing: Pair = { spend: figures(0, 0, 'spend'), revenue: figures(0, 0, 'revenue') };

function both(period: Pair, ytd: Pair, year: Pair, booked: Pair): Both {
  return {
    spend: { period: period.spend, ytd: ytd.spend, fullYear: forecastOf(ytd.spend, booked.spend.budget, year.spend.budget, 'spend') },
    revenue: {
      period: period.revenue,
      ytd: ytd.revenue,
      fullYear: forecastOf(ytd.revenue, booked.revenue.budget, year.revenue.budget, 'revenue'),
    },
  };
}

function selfOf(r: Reports): Both {
  return both(
    spendAndRevenue(r.period.subtotals),
    spendAndRevenue(r.ytd.subtotals),
    spendAndRevenue(r.year.subtotals),
    r.booked ? spendAndRevenue(r.booked.subtotals) : nothing,
  );
}

/** Sums of several departments' figures (or their difference, with `sign` -1), favourable flags recomputed. */
function combine(parts: { figures: Both; sign: 1 | -1 }[]): Both {
  const sum = (kind: 'spend' | 'revenue', range: 'period' | 'ytd') => {
    let budget = 0;
    let actual = 0;
    for (const p of parts) {
      budget += p.sign * p.figures[kind][range].budget;
      actual += p.sign * p.figures[kind][range].actual;
    }
    return figures(budget, actual, kind);
  };
  const year = (kind: 'spend' | 'revenue'): Forecast => {
    let budget = 0;
    let forecast = 0;
    for (const p of parts) {
      budget += p.sign * p.figures[kind].fullYear.budget;
      forecast += p.sign * p.figures[kind].fullYear.forecast;
    }
    const f = figures(budget, forecast, kind);
    return { budget, forecast, variance: f.variance, variancePct: f.variancePct, favourable: f.favourable };
  };
  return {
    spend: { period: sum('spend', 'period'), ytd: sum('spend', 'ytd'), fullYear: year('spend') },
    revenue: { period: sum('revenue', 'period'), ytd: sum('revenue', 'ytd'), fullYear: year('revenue') },
  };
}

export interface PackDepartments {
  /** Each top-level department followed by its direct children. */
  rows: DepartmentFigures[];
  /** The whole company: every root department's figures, own lines included. */
  company: Both;
  /** What the company holds outside the top-level departments (lines booked on the root itself); null when nothing. */
  unassigned: Both | null;
}

function isZero(b: Both): boolean {
  return (['spend', 'revenue'] as const).every((k) => {
    const f = b[k];
    return f.period.budget === 0 && f.period.actual === 0 && f.ytd.budget === 0 && f.ytd.actual === 0 && f.fullYear.budget === 0;
  });
}

/**
 * Each top-level department followed by its direct children, with period, year-to-date and
 * full-year figures, and the company. Three variance reports per department that has children
 * shown: the children's figures come from their parent's reports (its `children` rows), so parent
 * and children always agree.
 */
export function departmentFigures(ctx: Ctx, planId: string, ranges: Ranges, tree: Department[]): PackDepartments {
  const rows: DepartmentFigures[] = [];
  for (const { department: top } of reportingLevels(tree).filter((l) => l.level === 0)) {
    const reports = reportsOf(ctx, planId, ranges, top.id);
    rows.push({ departmentId: top.id, code: top.code, name: top.name, depth: 0, ...selfOf(reports) });
    for (const child of reports.ytd.children) {
      const inPeriod = reports.period.children.find((c) => c.departmentId === child.departmentId);
      const inYear = reports.year.children.find((c) => c.departmentId === child.departmentId);
      const booked = reports.booked ? reports.booked.children.find((c) => c.departmentId === child.departmentId) : nothing;
      if (!inPeriod || !inYear || !booked) continue;
      rows.push({ departmentId: child.departmentId, code: child.code, name: child.name, depth: 1, ...both(inPeriod, child, inYear, booked) });
    }
  }
  const roots = tree.filter((d) => d.depth === 0);
  const company = combine(roots.map((r) => ({ figures: selfOf(reportsOf(ctx, planId, ranges, r.id)), sign: 1 as const })));
  const unassigned = combine([
    { figures: company, sign: 1 },
    ...rows.filter((r) => r.depth === 0).map((r) => ({ figures: r as Both, sign: -1 as const })),
  ]);
  return { rows, company, unassigned: isZero(unassigned) ? null : unassigned };
}

export interface AccountVariance {
  department: string;
  account: string;
  type: AccountType;
  budget: number;
  actual: number;
  variance: number;
  variancePct: number | null;
  favourable: boolean | null;
}

/**
 * The largest year-to-date variances by department and account, where departments are the
 * second level (or a top-level department without children): big enough to name, small enough
 * to act on. Both lists are ranked by the size of the variance.
 */
export function largestVariances(ctx: Ctx, planId: string, ranges: Ranges, tree: Department[], count = 3) {
  const units = reportingLevels(tree)
    .filter((l) => l.level === 1 || l.department.childCount === 0)
    .map((l) => l.department);
  const all: AccountVariance[] = [];
  for (const unit of units) {
    const report = varianceReport(ctx, { planId, departmentId: unit.id, ...ranges.ytd });
    for (const r of report.rows) {
      // Less than one whole unit is not worth a board member's attention.
      if (r.favourable === null || Math.abs(r.variance) < 100) continue;
      all.push({
        department: `${unit.name} (${unit.code})`,
        account: `${r.name} (${r.code})`,
        type: r.type,
        budget: r.budget,
        actual: r.actual,
        variance: r.variance,
        variancePct: r.variancePct,
        favourable: r.favourable,
      });
    }
  }
  const bySize = (a: AccountVariance, b: AccountVariance) =>
    Math.abs(b.variance) - Math.abs(a.variance) || a.department.localeCompare(b.department) || a.account.localeCompare(b.account);
  return {
    favourable: all.filter((v) => v.favourable).sort(bySize).slice(0, count),
    unfavourable: all.filter((v) => !v.favourable).sort(bySize).slice(0, count),
  };
}

export interface MonthPoint {
  period: string;
  budget: number;
  /** Null after the period the pack reports on. */
  actual: number | null;
}

export interface Trend {
  departmentId: string | null;
  name: string;
  months: MonthPoint[];
}

function monthlySpend(ctx: Ctx, planId: string, departmentIds: string[], period: ReportPeriod): MonthPoint[] {
  const first = period.yearMonths[0]!;
  const last = period.yearMonths[11]!;
  const budget = new Map<string, number>();
  const actual = new Map<string, number>();
  for (const id of departmentIds) {
    for (const r of budgetVsActualByPeriod(ctx, planId, id, first, last)) {
      budget.set(r.period, (budget.get(r.period) ?? 0) + r.budgetTotal - r.budgetRevenue);
      actual.set(r.period, (actual.get(r.period) ?? 0) + r.actualTotal - r.actualRevenue);
    }
  }
  return period.yearMonths.map((m) => ({ period: m, budget: budget.get(m) ?? 0, actual: m <= period.through ? (actual.get(m) ?? 0) : null }));
}

/** Monthly spend budget vs actual for the company (its root departments) and each top-level department. */
export function spendTrends(ctx: Ctx, planId: string, period: ReportPeriod, tree: Department[]): Trend[] {
  const tops = reportingLevels(tree)
    .filter((l) => l.level === 0)
    .map((l) => l.department);
  const roots = tree.filter((d) => d.depth === 0).map((d) => d.id);
  return [
    { departmentId: null, name: 'Company', months: monthlySpend(ctx, planId, roots, period) },
    ...tops.map((top) => ({ departmentId: top.id, name: `${top.name} (${top.code})`, months: monthlySpend(ctx, planId, [top.id], period) })),
  ];
}

export interface HeadcountRow {
  departmentId: string | null;
  code: string;
  name: string;
  depth: 0 | 1;
  active: number;
  activeFte: number;
  open: number;
  openFte: number;
  /** Annual salary × FTE of the people in post, minor units. */
  payroll: number;
  /** The same for the open roles: what filling them adds per year. */
  openPayroll: number;
}

/** Whether someone counts as in post on the given day: active, started, not yet left. */
export function inPostOn(p: Person, day: string): boolean {
  return p.status === 'active' && (p.startDate === null || p.startDate <= day) && (p.endDate === null || p.endDate >= day);
}

/** An open role still to fill on that day (its target start may lie ahead; one that ended is gone). */
export function openOn(p: Person, day: string): boolean {
  return p.status === 'open' && (p.endDate === null || p.endDate >= day);
}

/** Headcount per top-level department and its children (each counting its whole subtree), plus the company total (everyone). */
export function headcount(tree: Department[], everyone: Person[], day: string): { rows: HeadcountRow[]; total: HeadcountRow } {
  const parent = new Map(tree.map((d) => [d.id, d.parentId]));
  const levels = reportingLevels(tree);
  const zero = (d: Department | null, level: 0 | 1 = 0): HeadcountRow => ({
    departmentId: d?.id ?? null,
    code: d?.code ?? '',
    name: d?.name ?? 'Company',
    depth: level,
    active: 0,
    activeFte: 0,
    open: 0,
    openFte: 0,
    payroll: 0,
    openPayroll: 0,
  });
  const rows = new Map(levels.map((l) => [l.department.id, zero(l.department, l.level)]));
  const total = zero(null);
  for (const person of everyone) {
    const isActive = inPostOn(person, day);
    const isOpen = openOn(person, day);
    if (!isActive && !isOpen) continue;
    const cost = Math.round((person.annualSalaryMinor ?? 0) * person.fte);
    const targets = [total];
    for (let id: string | null | undefined = person.departmentId; id; id = parent.get(id)) {
      const row = rows.get(id);
      if (row) targets.push(row);
    }
    for (const row of targets) {
      if (isActive) {
        row.active += 1;
        row.activeFte += person.fte;
        row.payroll += cost;
      } else {
        row.open += 1;
        row.openFte += person.fte;
        row.openPayroll += cost;
      }
    }
  }
  const out = levels.map((l) => rows.get(l.department.id)!);
  // People booked above the top-level departments (on the company's root itself).
  const rest = zero(null);
  rest.name = 'Not in a department above';
  for (const key of ['active', 'activeFte', 'open', 'openFte', 'payroll', 'openPayroll'] as const) {
    rest[key] = total[key] - out.filter((r) => r.depth === 0).reduce((s, r) => s + r[key], 0);
  }
  if (rest.active !== 0 || rest.open !== 0) out.push(rest);
  return { rows: out, total };
}
