/**
 * Builds the demo workspace: Larkspur Freight with its org, roster, the current fiscal year's
 * approved plan with actuals up to the month before the as-of date, next year's two draft
 * scenarios, and its continuity and risk registers (demo-continuity.ts). Everything derives from
 * the fiscal year, the as-of date and hashed keys, so the same as-of date gives the same
 * workspace; a later as-of date in the same year only adds months of actuals to the budget (the
 * registers' dates move with it, so reviews and exercises stay as recent as they were).
 *
 * The rows are written directly in one transaction, not as changes: a fresh demo has nothing to
 * undo.
 */
import type { AccountType } from '../../../shared/budget';
import { AppError } from '../../../shared/result';
import { addMonths, dateSchema, fiscalYearMonths, fiscalYearOf, parsePeriod } from '../../../shared/periods';
import { basename } from 'node:path';
import { createCtx, isoNow, type Ctx } from '../context';
import { openWorkspace } from '../db/open-workspace';
import { accounts, actuals, budgetLines, departments, people, plans } from '../db/schema';
import { getSettings, initWorkspace } from '../workspace/workspace-service';
import {
  BENEFITS,
  BENEFITS_RATE,
  demoAccounts,
  demoCompanyName,
  demoDepartments,
  demoPeople,
  demoProfiles,
  SALARIES,
  volumeSeason,
  type DemoPerson,
} from './demo-company';
import { demoId, jitter, unit } from './demo-random';
import { writeDemoRegisters, type RegisterCounts } from './demo-registers';
import { writeTransaction } from '../db/transactions';

export interface DemoCounts extends RegisterCounts {
  departments: number;
  people: number;
  plans: number;
  budgetLines: number;
  actuals: number;
}

export interface DemoOptions {
  /** "YYYY-MM-DD": the demo's today. Actuals run to the month before it. */
  asOf: string;
}

/** Plan names follow the same pattern as plans created in the app. */
function planName(fiscalYear: number, scenario: string): string {
  return `FY${fiscalYear} · ${scenario}`;
}

/** Amounts keyed by `${departmentCode}|${accountCode}`, one per fiscal month (0 = no line). */
type Lines = Map<string, number[]>;

const accountType = new Map<string, AccountType>(demoAccounts.map((a) => [a.code, a.type]));
const leafCodes = demoDepartments
  .filter((d) => !demoDepartments.some((c) => c.parentCode === d.code))
  .map((d) => d.code);

function lastDayOf(period: string): string {
  const { year, month } = parsePeriod(period);
  return `${period}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

interface Dated {
  person: DemoPerson;
  /** Fictional numbers from the 555-0100…0199 range, one per person on the roster; none for open roles. */
  phone: string | null;
  startPeriod: string;
  startDate: string;
  endPeriod: string | null;
  endDate: string | null;
}

function dateRoster(firstMonth: string): Dated[] {
  let line = 0;
  return demoPeople.map((person) => {
    const phone = person.open ? null : `(312) 555-01${String(line++).padStart(2, '0')}`;
    const startPeriod = addMonths(firstMonth, person.start);
    const day = person.open ? 1 : 1 + Math.floor(unit(`start-day:${person.name}`) * 28);
    const endPeriod = person.end === undefined ? null : addMonths(firstMonth, person.end);
    return {
      person,
      phone,
      startPeriod,
      startDate: `${startPeriod}-${String(day).padStart(2, '0')}`,
      endPeriod,
      endDate: endPeriod === null ? null : lastDayOf(endPeriod),
    };
  });
}

/**
 * Monthly payroll of a department in minor units. The approved budget counts open roles from their
 * target start and knows nothing of leavers; actual pay has neither.
 */
function payroll(roster: Dated[], dept: string, month: string, kind: 'budget' | 'actual'): number {
  let total = 0;
  for (const r of roster) {
    if (r.person.dept !== dept || r.startPeriod > month) continue;
    if (kind === 'actual' && (r.person.open || (r.endPeriod !== null && r.endPeriod < month))) continue;
    total += (r.person.salary * 100) / 12;
  }
  return Math.round(total);
}

function roundMinor(amountMinor: number, majorStep: number): number {
  const step = majorStep * 100;
  return Math.round(amountMinor / step) * step;
}

function currentBudget(fy: number, months: string[], roster: Dated[]): Lines {
  const lines: Lines = new Map();
  for (const dept of leafCodes) {
    const salaries = months.map((m) => payroll(roster, dept, m, 'budget'));
    if (salaries.some((v) => v !== 0)) {
      lines.set(`${dept}|${SALARIES}`, salaries);
      lines.set(`${dept}|${BENEFITS}`, salaries.map((v) => Math.round(v * BENEFITS_RATE)));
    }
    for (const profile of demoProfiles[dept] ?? []) {
      const values = months.map((m, i) => {
        const base = profile.months?.[i] ?? profile.monthly;
        const season = profile.seasonal ? (volumeSeason[parsePeriod(m).month - 1] ?? 1) : 1;
        const noise = 1 + jitter(`budget:${fy}:${dept}:${profile.account}:${i}`, 0.025);
        return roundMinor(base * 100 * season * noise, profile.roundTo ?? 10);
      });
      lines.set(`${dept}|${profile.account}`, values);
    }
  }
  return lines;
}

/** The stories a director should spot in the variance view, on top of ordinary noise. */
function actualFactor(fy: number, dept: string, account: string, i: number): number {
  const key = `actual:${fy}:${dept}:${account}:${i}`;
  if (dept === '220' && account === '6400') return i >= 6 ? 1.12 + jitter(key, 0.02) : 1 + jitter(key, 0.03); // fuel prices rise mid-year
  if (dept === '420' && account === '6600') return 0.78 + jitter(key, 0.05); // campaigns held back
  if (dept === '410' && account === '4000') return i >= 3 && i <= 5 ? 0.93 + jitter(key, 0.01) : 1 + jitter(key, 0.025); // a soft second quarter
  if (accountType.get(account) === 'capex') return 1 + jitter(key, 0.06);
  return 1 + jitter(key, 0.04);
}

/** Finance's one-off: legal fees for a contract dispute, in the fifth month of the year. */
const FINANCE_ONE_OFF = { dept: '300', account: '6500', month: 4, amountMinor: 42_500_00 };

function currentActuals(fy: number, months: string[], budget: Lines, roster: Dated[], through: number): Lines {
  const lines: Lines = new Map();
  for (const [key, values] of budget) {
    const [dept = '', account = ''] = key.split('|');
    const out = values.map((budgetMinor, i) => {
      if (i >= through || budgetMinor === 0) return 0;
      const noiseKey = `actual:${fy}:${dept}:${account}:${i}`;
      const month = months[i]!;
      if (account === SALARIES) return Math.round(payroll(roster, dept, month, 'actual') * (1 + jitter(noiseKey, 0.012)));
      if (account === BENEFITS) {
        return Math.round(payroll(roster, dept, month, 'actual') * BENEFITS_RATE * (1 + jitter(noiseKey, 0.02)));
      }
      let amount = Math.round(budgetMinor * actualFactor(fy, dept, account, i));
      if (dept === FINANCE_ONE_OFF.dept && account === FINANCE_ONE_OFF.account && i === FINANCE_ONE_OFF.month) {
        amount += FINANCE_ONE_OFF.amountMinor;
      }
      return amount;
    });
    if (out.some((v) => v !== 0)) lines.set(key, out);
  }
  return lines;
}

/** Next year's draft: this year's budget with an uplift per account, rounded to whole units. */
function uplifted(budget: Lines, factor: (account: string) => number): Lines {
  const lines: Lines = new Map();
  for (const [key, values] of budget) {
    const account = key.split('|')[1] ?? '';
    const f = factor(account);
    lines.set(key, values.map((v) => roundMinor(v * f, 1)));
  }
  return lines;
}

const baseUplift = (account: string) => (accountType.get(account) === 'revenue' ? 1.06 : 1.04);
const growthUplift = (account: string) => {
  const type = accountType.get(account);
  if (type === 'revenue') return 1.12;
  if (type === 'capex') return 1.15;
  return account === SALARIES || account === BENEFITS ? 1.1 : 1.06;
};

function insertChunked<T>(rows: T[], write: (chunk: T[]) => void): void {
  // Stays well under SQLite's bound-parameter limit with eight columns a row.
  for (let i = 0; i < rows.length; i += 500) write(rows.slice(i, i + 500));
}

export function buildDemo(ctx: Ctx, options: DemoOptions): DemoCounts {
  if (!dateSchema.safeParse(options.asOf).success) {
    throw new AppError('invalid_input', `The as-of date must be a real date written YYYY-MM-DD, not "${options.asOf}".`);
  }
  const { fiscalYearStartMonth: fsm } = getSettings(ctx);
  const asOfPeriod = options.asOf.slice(0, 7);
  const fy = fiscalYearOf(asOfPeriod, fsm);
  const months = fiscalYearMonths(fy, fsm);
  const nextMonths = fiscalYearMonths(fy + 1, fsm);
  const through = months.filter((m) => m < asOfPeriod).length;
  const roster = dateRoster(months[0]!);

  const budget = currentBudget(fy, months, roster);
  const plansToWrite: { fiscalYear: number; scenario: string; status: 'approved' | 'draft'; months: string[]; lines: Lines }[] = [
    { fiscalYear: fy, scenario: 'Base', status: 'approved', months, lines: budget },
    { fiscalYear: fy + 1, scenario: 'Base', status: 'draft', months: nextMonths, lines: uplifted(budget, baseUplift) },
    { fiscalYear: fy + 1, scenario: 'Growth', status: 'draft', months: nextMonths, lines: uplifted(budget, growthUplift) },
  ];
  const actualLines = currentActuals(fy, months, budget, roster, through);

  const at = isoNow(ctx);
  const deptId = (code: string) => demoId(`department:${code}`);
  const accountId = (code: string) => demoId(`account:${code}`);
  const counts = { departments: 0, people: 0, plans: 0, budgetLines: 0, actuals: 0 };
  let registers: RegisterCounts | undefined;

  writeTransaction(ctx.db, () => {
    const tx = ctx.db;
    const existing = ctx.db.$client
      .prepare(
        `SELECT (SELECT count(*) FROM departments) + (SELECT count(*) FROM accounts) + (SELECT count(*) FROM plans)
              + (SELECT count(*) FROM vendors) + (SELECT count(*) FROM assets) + (SELECT count(*) FROM processes)
              + (SELECT count(*) FROM continuity_plans) + (SELECT count(*) FROM risks)`,
      )
      .pluck()
      .get() as number;
    if (existing > 0) {
      throw new AppError(
        'refused',
        'The demo company can only be added to an empty workspace; this one already has departments, accounts, plans, or continuity or risk records.',
      );
    }

    // Parents first, so every parent reference points at a row that exists.
    for (const d of demoDepartments) {
      tx.insert(departments)
        .values({
          id: deptId(d.code),
          code: d.code,
          name: d.name,
          parentId: d.parentCode === null ? null : deptId(d.parentCode),
          manager: d.manager,
          createdAt: at,
          updatedAt: at,
        })
        .run();
      counts.departments++;
    }
    tx.insert(accounts)
      .values(demoAccounts.map((a) => ({ id: accountId(a.code), code: a.code, name: a.name, type: a.type, active: true, createdAt: at, updatedAt: at })))
      .run();
    tx.insert(people)
      .values(
        roster.map((r) => ({
          id: demoId(`person:${r.person.dept}:${r.person.name}`),
          departmentId: deptId(r.person.dept),
          name: r.person.name,
          title: r.person.title,
          fte: r.person.fte,
          annualSalaryMinor: r.person.salary * 100,
          startDate: r.startDate,
          endDate: r.endDate,
          status: r.person.open ? ('open' as const) : ('active' as const),
          phone: r.phone,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .run();
    counts.people = roster.length;

    for (const plan of plansToWrite) {
      const planId = demoId(`plan:${plan.fiscalYear}:${plan.scenario}`);
      const name = planName(plan.fiscalYear, plan.scenario);
      tx.insert(plans)
        .values({ id: planId, name, fiscalYear: plan.fiscalYear, scenario: plan.scenario, status: plan.status, createdAt: at, updatedAt: at })
        .run();
      counts.plans++;
      const rows: (typeof budgetLines.$inferInsert)[] = [];
      for (const [key, values] of plan.lines) {
        const [dept = '', account = ''] = key.split('|');
        values.forEach((amountMinor, i) => {
          if (amountMinor === 0) return;
          const period = plan.months[i]!;
          rows.push({
            id: demoId(`line:${planId}:${dept}:${account}:${period}`),
            planId,
            departmentId: deptId(dept),
            accountId: accountId(account),
            period,
            amountMinor,
            source: null,
            updatedAt: at,
          });
        });
      }
      insertChunked(rows, (chunk) => tx.insert(budgetLines).values(chunk).run());
      counts.budgetLines += rows.length;
    }

    const actualRows: (typeof actuals.$inferInsert)[] = [];
    for (const [key, values] of actualLines) {
      const [dept = '', account = ''] = key.split('|');
      values.forEach((amountMinor, i) => {
        if (amountMinor === 0) return;
        const period = months[i]!;
        actualRows.push({
          id: demoId(`actual:${dept}:${account}:${period}`),
          departmentId: deptId(dept),
          accountId: accountId(account),
          period,
          amountMinor,
          source: null,
          updatedAt: at,
        });
      });
    }
    insertChunked(actualRows, (chunk) => tx.insert(actuals).values(chunk).run());
    counts.actuals = actualRows.length;

    registers = writeDemoRegisters(tx, options.asOf, at);
  });
  return { ...counts, ...registers! };
}

export interface CreateDemoOptions extends DemoOptions {
  name?: string;
  currency?: string;
  fiscalYearStartMonth?: number;
}

/**
 * Creates a new workspace file holding the demo (first launch of the app and of serve mode).
 * The settings and the demo are written in one transaction: a failure leaves no half-built demo.
 */
export function createDemoWorkspace(path: string, options: CreateDemoOptions): DemoCounts {
  // Opened without a session: building the demo needs no handler map.
  const workspace = openWorkspace(path, { create: true });
  try {
    const ctx = createCtx(workspace.db, basename(path), 'demo');
    return writeTransaction(ctx.db, () => {
      initWorkspace(ctx, {
        name: options.name ?? demoCompanyName,
        currency: options.currency ?? 'USD',
        fiscalYearStartMonth: options.fiscalYearStartMonth ?? 1,
      });
      return buildDemo(ctx, { asOf: options.asOf });
    });
  } finally {
    workspace.close();
  }
}
