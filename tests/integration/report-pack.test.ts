/**
 * The board pack, read back as a board member would see it: the PDF's text (pdfjs-dist) must carry
 * the figures the screens' services return — computed here with varianceReport and listPeople, not
 * with the pack's own code — for the demo workspace and for a workspace built from the team's
 * sample files. Also: the same state gives the same bytes, every figure is read in one
 * transaction, options are checked, and the pages are kept as PNG artifacts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { varianceReport } from '../../electron/core/budget/variance-service';
import { buildDemo } from '../../electron/core/demo/demo-workspace';
import { undo } from '../../electron/core/history/history-service';
import { commitImport } from '../../electron/core/imports/commit';
import { planImport } from '../../electron/core/imports/preview';
import { readWorkbook } from '../../electron/core/imports/read/read-workbook';
import { listDepartments } from '../../electron/core/org/department-service';
import { listPeople } from '../../electron/core/org/people-service';
import { renderBoardPack } from '../../electron/core/report/board-pack';
import { getCommentary, setCommentary, setReportSettings } from '../../electron/core/report/report-settings';
import type { Department } from '../../shared/org';
import { formatMoney } from '../../shared/money';
import type { ImportOptions } from '../../shared/imports';
import type { ReportOptions } from '../../shared/report';
import { fixturePath } from '../helpers/fixtures';
import { pdfPages, type PdfPage } from '../helpers/pdf-text';
import { AppError } from '../../shared/result';
import { tempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';

const artifacts = resolve(import.meta.dirname, '../output/report');

async function render(ws: TempWorkspace, options: ReportOptions = {}) {
  const report = await renderBoardPack(ws.ctx, options);
  const bytes = Buffer.from(report.base64, 'base64');
  return { report, bytes, pages: await pdfPages(bytes) };
}

/** Spend (expense + capex) budget and actual of a department's subtree over a range, from the variance view's service. */
function spend(ws: TempWorkspace, planId: string, departmentId: string, from: string, to: string) {
  const r = varianceReport(ws.ctx, { planId, departmentId, from, to });
  let budget = 0;
  let actual = 0;
  for (const s of r.subtotals) {
    if (s.type === 'revenue') continue;
    budget += s.budget;
    actual += s.actual;
  }
  return { budget, actual };
}

/** The page whose items include `title` as a section heading. */
function sectionPage(pages: PdfPage[], title: string): PdfPage {
  const page = pages.find((p) => p.items[2] === title);
  if (!page) throw new Error(`no page starts the section "${title}"`);
  return page;
}

/** The row that starts with the department's name (top rows print name and code as two runs, children as one). */
function rowItems(page: PdfPage, d: Pick<Department, 'name' | 'code'>, count: number): string[] {
  const at = page.items.findIndex((s, i) => s === `${d.name} ${d.code}` || (s === d.name && page.items[i + 1] === d.code));
  if (at < 0) throw new Error(`no row for ${d.name} on the page: ${page.text.slice(0, 300)}`);
  const start = page.items[at] === d.name ? at + 2 : at + 1;
  return page.items.slice(start, start + count).filter((s) => s !== 'F' && s !== 'U');
}

const m = (minor: number) => formatMoney(minor);

async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal, but the call succeeded');
}

function renderPngs(bytes: Buffer, name: string): string[] {
  const folder = join(artifacts, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const pdf = join(folder, `${name}.pdf`);
  writeFileSync(pdf, bytes);
  const run = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, join(folder, 'page')], { encoding: 'utf8' });
  if (run.error) throw new Error(`pdftoppm is needed to render pages (apt-get install poppler-utils): ${run.error.message}`);
  expect(run.status, run.stderr).toBe(0);
  return readdirSync(folder).filter((f) => f.endsWith('.png'));
}

describe('the board pack of the demo workspace', () => {
  let ws: TempWorkspace;
  let planId: string;
  let tree: Department[];
  beforeAll(() => {
    ws = tempWorkspace({ init: { name: 'Larkspur Freight', currency: 'USD', fiscalYearStartMonth: 1 } });
    buildDemo(ws.ctx, { asOf: '2026-11-21' });
    planId = ws.ctx.db.$client.prepare("SELECT id FROM plans WHERE status = 'approved'").pluck().get() as string;
    tree = listDepartments(ws.ctx);
  });
  afterAll(() => ws.cleanup());

  it('prints the figures the variance service returns, section by section', async () => {
    const { report, bytes, pages } = await render(ws);
    expect(report.period).toBe('2026-10');
    expect(report.periodLabel).toBe('October 2026 YTD');
    expect(report.planId).toBe(planId);
    expect(pages).toHaveLength(report.pages);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // Cover and contents: every section listed with the page it starts on.
    expect(pages[0]!.text).toContain('Board report');
    expect(pages[0]!.text).toContain('FY2026 · Base (approved)');
    for (const s of report.sections.slice(2)) {
      expect(pages[s.page - 1]!.items[2]).toBe(s.title);
      const entry = pages[1]!.items.indexOf(s.title);
      expect(pages[1]!.items[entry + 1]).toBe(String(s.page));
    }

    const root = tree.find((d) => d.depth === 0)!;
    const company = spend(ws, planId, root.id, '2026-01', '2026-10');
    const summary = sectionPage(pages, 'Executive summary');
    const tile = summary.items.indexOf('SPEND, YEAR TO DATE');
    expect(summary.items.slice(tile + 1, tile + 3)).toEqual([m(company.actual), `budget ${m(company.budget)}`]);
    const year = spend(ws, planId, root.id, '2026-01', '2026-12');
    const forecast = company.actual + (year.budget - company.budget);
    const fc = summary.items.indexOf('FULL-YEAR SPEND FORECAST');
    expect(summary.items.slice(fc + 1, fc + 3)).toEqual([m(forecast), `budget ${m(year.budget)}`]);

    // Every top-level division and each department under it: month, year to date, full year.
    const variance = sectionPage(pages, 'Budget vs actual by department');
    expect(variance.width).toBeGreaterThan(variance.height); // landscape
    const rows = tree.filter((d) => d.depth === 1 || d.depth === 2);
    expect(rows.length).toBeGreaterThan(5);
    for (const d of rows) {
      const month = spend(ws, planId, d.id, '2026-10', '2026-10');
      const ytd = spend(ws, planId, d.id, '2026-01', '2026-10');
      const fy = spend(ws, planId, d.id, '2026-01', '2026-12');
      const printed = rowItems(variance, d, 20);
      expect(printed.slice(0, 3), d.name).toEqual([m(month.budget), m(month.actual), m(month.actual - month.budget)]);
      expect(printed.slice(4, 7), d.name).toEqual([m(ytd.budget), m(ytd.actual), m(ytd.actual - ytd.budget)]);
      const dForecast = ytd.actual + fy.budget - ytd.budget;
      expect(printed.slice(8, 11), d.name).toEqual([m(fy.budget), m(dForecast), m(dForecast - fy.budget)]);
    }
    const total = variance.items.indexOf('Company total');
    expect(variance.items.slice(total + 1).filter((s) => s !== 'F' && s !== 'U')[4]).toBe(m(company.budget));

    // The trend page states its method with the company's own figures.
    const trend = sectionPage(pages, 'Spend trend');
    expect(trend.text).toContain(`${m(company.actual)} + ${m(year.budget - company.budget)} = ${m(forecast)} USD`);

    // Headcount on the last day of the period, counted from the people list the org screen shows.
    const people = listPeople(ws.ctx, null);
    const inPost = people.filter((p) => p.status === 'active' && (p.startDate ?? '') <= '2026-10-31' && (p.endDate === null || p.endDate >= '2026-10-31'));
    const open = people.filter((p) => p.status === 'open' && (p.endDate === null || p.endDate >= '2026-10-31'));
    const headcount = sectionPage(pages, 'Headcount');
    const totalRow = headcount.items.indexOf('Company total');
    expect(headcount.items.slice(totalRow + 1, totalRow + 7)).toEqual([
      String(inPost.length),
      inPost.reduce((s, p) => s + p.fte, 0).toFixed(1),
      String(open.length),
      open.reduce((s, p) => s + p.fte, 0).toFixed(1),
      m(inPost.reduce((s, p) => s + Math.round((p.annualSalaryMinor ?? 0) * p.fte), 0)),
      m(open.reduce((s, p) => s + Math.round((p.annualSalaryMinor ?? 0) * p.fte), 0)),
    ]);

    const sources = sectionPage(pages, 'Appendix — sources');
    expect(sources.text).toContain('workspace.sqlite');
    expect(sources.text).toMatch(/SHA-256/);

    // Kept for people to look at: every page as a PNG.
    expect(renderPngs(bytes, 'demo-a4')).toHaveLength(report.pages);
  });

  it('gives the same bytes for the same state and options, and different bytes after a change', async () => {
    const a = await render(ws);
    const b = await render(ws);
    expect(a.bytes.equals(b.bytes)).toBe(true);

    setCommentary(ws.ctx, { period: '2026-10', text: 'Fuel ran over budget in Q3.\n\nHiring for the warehouse is on track.' });
    const c = await render(ws);
    expect(c.bytes.equals(a.bytes)).toBe(false);
    const summary = sectionPage(c.pages, 'Executive summary');
    expect(summary.text).toContain('Fuel ran over budget in Q3.');
    expect(summary.text).toContain('Hiring for the warehouse is on track.');
    // Prepared on the day of the last change, not today: the fixed test clock says 21 November.
    expect(c.pages[0]!.text).toContain('21 November 2026');

    // The commentary is an undoable change.
    undo(ws.ctx);
    expect(getCommentary(ws.ctx, '2026-10').text).toBe('');
    // Back to the state of the first pack (no change left done): the same bytes again.
    expect((await render(ws)).bytes.equals(a.bytes)).toBe(true);
  });

  it('reads every figure inside one read transaction', async () => {
    const client = ws.ctx.db.$client;
    const original = client.prepare.bind(client);
    const outside: string[] = [];
    client.prepare = ((source: string) => {
      const statement = original(source);
      if (!client.inTransaction) outside.push(source.slice(0, 80));
      return statement;
    }) as typeof client.prepare;
    try {
      await renderBoardPack(ws.ctx, {});
    } finally {
      client.prepare = original;
    }
    expect(outside).toEqual([]);
  });

  it('prints only the sections chosen, on the paper chosen', async () => {
    const { report, pages } = await render(ws, { sections: ['summary', 'headcount'], paper: 'letter' });
    expect(report.sections.map((s) => s.id)).toEqual(['cover', 'contents', 'summary', 'headcount']);
    expect(pages).toHaveLength(4);
    expect(Math.round(pages[0]!.width)).toBe(612);
    expect(Math.round(pages[0]!.height)).toBe(792);
    expect(pages[1]!.text).not.toContain('Spend trend');
  });

  it('reports a quarter and a whole year', async () => {
    const q = await render(ws, { period: '2026-Q3' });
    expect(q.report.periodLabel).toBe('Q3 FY2026');
    const variance = sectionPage(q.pages, 'Budget vs actual by department');
    expect(variance.items).toContain('Jul–Sep 2026');
    const ops = tree.find((d) => d.depth === 1)!;
    const quarter = spend(ws, planId, ops.id, '2026-07', '2026-09');
    expect(rowItems(variance, ops, 3)).toEqual([m(quarter.budget), m(quarter.actual), m(quarter.actual - quarter.budget)]);

    const fy = await render(ws, { period: 'FY2026', sections: ['variance'] });
    expect(fy.report.periodLabel).toBe('FY2026');
    const fyPage = sectionPage(fy.pages, 'Budget vs actual by department');
    // No separate period columns: the year is the period.
    expect(fyPage.items.slice(0, 12)).not.toContain('Oct 2026');
    expect(fyPage.items.filter((s) => s === 'Var %')).toHaveLength(fyPage.items.includes('Revenue') ? 2 : 1);
  });

  it('refuses options it cannot honour, with the reason', async () => {
    expect(await refusal(() => renderBoardPack(ws.ctx, { period: 'September' }))).toMatchObject({ code: 'invalid_input' });
    const nextYear = ws.ctx.db.$client.prepare("SELECT id, name FROM plans WHERE fiscal_year = 2027 LIMIT 1").get() as { id: string; name: string };
    const wrongYear = await refusal(() => renderBoardPack(ws.ctx, { period: '2026-10', planId: nextYear.id }));
    expect(wrongYear.message).toContain(`${nextYear.name} is a plan for FY2027, but October 2026 YTD falls in FY2026`);
    const twoDrafts = await refusal(() => renderBoardPack(ws.ctx, { period: '2027-01' }));
    expect(twoDrafts.message).toMatch(/FY2027 has 2 draft plans; choose one: "FY2027 · Base", "FY2027 · Growth"/);
    const noPlan = await refusal(() => renderBoardPack(ws.ctx, { period: '2030-01' }));
    expect(noPlan.message).toContain('There is no plan for FY2030');
  });

  it('prints "Prepared by" and the confidentiality line from the workspace settings', async () => {
    setReportSettings(ws.ctx, { preparedBy: 'Dana Whitfield, Director of Operations', confidentiality: 'Strictly confidential — board only.' });
    const { pages } = await render(ws, { sections: ['summary'] });
    expect(pages[0]!.text).toContain('Dana Whitfield, Director of Operations');
    expect(pages[0]!.text).toContain('Strictly confidential — board only.');
    expect(pages[2]!.text).toContain('Strictly confidential — board only.');
  });
});

describe('the board pack of a workspace built from the sample files', () => {
  let ws: TempWorkspace;
  beforeAll(async () => {
    ws = tempWorkspace({ init: { name: 'Larkspur Freight', currency: 'USD', fiscalYearStartMonth: 1 } });
    const order: Array<[string, ImportOptions]> = [
      ['departments.csv', {}],
      ['accounts.csv', {}],
      ['people-hr-export.xlsx', {}],
      ['budget-marketing-fy2027.xlsx', { planName: 'FY2027 · Base' }],
      ['budget-warehouse-fy2027.csv', {}],
      ['actuals-fy2026-gl-export.csv', {}],
    ];
    for (const [name, options] of order) {
      const plan = planImport(ws.ctx, await readWorkbook(readFileSync(fixturePath(name)), name), options);
      expect(plan.problems.filter((p) => p.severity === 'error'), name).toEqual([]);
      commitImport(ws.ctx, plan);
    }
  });
  afterAll(() => ws.cleanup());

  it('reports the imported budget and names the files it came from', async () => {
    // The actuals are for FY2026, which has no plan: the default is the start of the planned year.
    const { report, bytes, pages } = await render(ws);
    expect(report.period).toBe('2027-01');
    const planId = report.planId;
    const tree = listDepartments(ws.ctx);
    const roots = tree.filter((d) => d.depth === 0);
    let budget = 0;
    for (const r of roots) budget += spend(ws, planId, r.id, '2027-01', '2027-01').budget;
    expect(budget).toBeGreaterThan(0);
    const summary = sectionPage(pages, 'Executive summary');
    const tile = summary.items.indexOf('SPEND, YEAR TO DATE');
    expect(summary.items.slice(tile + 1, tile + 3)).toEqual([m(0), `budget ${m(budget)}`]);
    // Nothing booked yet: the pack says so, and the forecast is the budget, not the budget less January.
    expect(summary.text).toContain('No actuals have been recorded for January 2027 YTD yet');
    let yearBudget = 0;
    for (const r of roots) yearBudget += spend(ws, planId, r.id, '2027-01', '2027-12').budget;
    const fc = summary.items.indexOf('FULL-YEAR SPEND FORECAST');
    expect(summary.items.slice(fc + 1, fc + 3)).toEqual([m(yearBudget), `budget ${m(yearBudget)}`]);
    expect(summary.text).not.toContain('Largest favourable variances');

    const variance = sectionPage(pages, 'Budget vs actual by department');
    for (const d of tree.filter((x) => x.depth === 1)) {
      const fy = spend(ws, planId, d.id, '2027-01', '2027-12');
      if (fy.budget === 0) continue;
      expect(rowItems(variance, d, 14).slice(8, 9), d.name).toEqual([m(fy.budget)]);
    }

    const sources = sectionPage(pages, 'Appendix — sources');
    expect(sources.text).toContain('budget-marketing-fy2027.xlsx');
    expect(sources.text).toContain('budget-warehouse-fy2027.csv');
    expect(sources.text).toContain('people-hr-export.xlsx');
    expect(renderPngs(bytes, 'fixtures-a4')).toHaveLength(report.pages);
  });

  it('refuses a period whose fiscal year has no plan, saying so', async () => {
    const q = await refusal(() => renderBoardPack(ws.ctx, { period: '2026-12' }));
    expect(q.message).toContain('There is no plan for FY2026');
  });
});
