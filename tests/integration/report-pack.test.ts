/**
 * The board pack, read back as a board member would see it: the PDF's text (pdfjs-dist) must carry
 * the figures the screens' services return — computed here with varianceReport and listPeople, not
 * with the pack's own code — for the demo workspace and for a workspace built from the team's
 * sample files. Also: the same state gives the same bytes, every figure is read in one
 * transaction, options are checked, and the pages are kept as PNG artifacts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { varianceReport } from '../../electron/core/budget/variance-service';
import { undo } from '../../electron/core/history/history-service';
import { listDepartments } from '../../electron/core/org/department-service';
import { listPeople } from '../../electron/core/org/people-service';
import { renderBoardPack } from '../../electron/core/report/board-pack';
import { getCommentary, setCommentary, setReportSettings } from '../../electron/core/report/report-settings';
import type { Department } from '../../shared/org';
import { formatMoney } from '../../shared/money';
import { importFixturesInOrder } from '../helpers/fixture-imports';
import { renderPack, renderPngs } from '../helpers/pdf-artifacts';
import { rowItems, sectionPage } from '../helpers/pdf-text';
import { preparedOutsideTransaction } from '../helpers/read-transaction';
import { asyncRefusal } from '../helpers/refusal';
import { demoWorkspace, tempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';

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

const m = (minor: number) => formatMoney(minor);

describe('the board pack of the demo workspace', () => {
  let ws: TempWorkspace;
  let planId: string;
  let tree: Department[];
  beforeAll(() => {
    ws = demoWorkspace();
    planId = ws.ctx.db.$client.prepare("SELECT id FROM plans WHERE status = 'approved'").pluck().get() as string;
    tree = listDepartments(ws.ctx);
  });
  afterAll(() => ws.cleanup());

  it('prints the figures the variance service returns, section by section', async () => {
    const { report, bytes, pages } = await renderPack(ws);
    expect(report.period).toBe('2026-10');
    expect(report.periodLabel).toBe('October 2026 YTD');
    expect(report.planId).toBe(planId);
    expect(pages).toHaveLength(report.pages);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // Cover and contents on one page: every section listed with the page it starts on.
    expect(pages[0]!.text).toContain('Board report');
    expect(pages[0]!.text).toContain('FY2026 · Base (approved)');
    expect(report.sections[0]).toEqual({ id: 'cover', title: 'Cover and contents', page: 1 });
    for (const s of report.sections.slice(1)) {
      expect(pages[s.page - 1]!.items[2]).toBe(s.title);
      const entry = pages[0]!.items.indexOf(s.title);
      expect(pages[0]!.items[entry + 1]).toBe(String(s.page));
    }
    // Nobody named as preparer: no "Prepared by —" line.
    expect(pages[0]!.text).not.toContain('Prepared by');
    // The appendix dates the figures in words a board member reads, not the undo history's labels.
    const appendix = sectionPage(pages, 'Appendix — sources');
    expect(appendix.text).toMatch(/Figures as of \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/);
    expect(appendix.text).not.toContain('Last change');
    // The bullet chart's axis ends at the round value just above its largest bar (3.07M → 3.5M, not 4M).
    const chart = pages.find((p) => p.items.includes('Spend to date against budget'))!;
    expect(chart.items).toContain('3.5M');
    expect(chart.items).not.toContain('4M');

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
    expect(renderPngs(bytes, 'demo-a4', 60)).toHaveLength(report.pages);
  });

  it('gives the same bytes for the same state and options, and different bytes after a change', async () => {
    const a = await renderPack(ws);
    const b = await renderPack(ws);
    expect(a.bytes.equals(b.bytes)).toBe(true);

    setCommentary(ws.ctx, { period: '2026-10', text: 'Fuel ran over budget in Q3.\n\nHiring for the warehouse is on track.' });
    const c = await renderPack(ws);
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
    expect((await renderPack(ws)).bytes.equals(a.bytes)).toBe(true);
  });

  it('reads every figure inside one read transaction', async () => {
    const outside = await preparedOutsideTransaction(ws.ctx, () => renderBoardPack(ws.ctx, {}));
    expect(outside).toEqual([]);
  });

  it('prints only the sections chosen, on the paper chosen', async () => {
    const { report, pages } = await renderPack(ws, { sections: ['summary', 'headcount'], paper: 'letter' });
    expect(report.sections.map((s) => s.id)).toEqual(['cover', 'summary', 'headcount']);
    expect(pages).toHaveLength(3);
    expect(Math.round(pages[0]!.width)).toBe(612);
    expect(Math.round(pages[0]!.height)).toBe(792);
    expect(pages[0]!.text).not.toContain('Spend trend');
  });

  it('reports a quarter and a whole year', async () => {
    const q = await renderPack(ws, { period: '2026-Q3' });
    expect(q.report.periodLabel).toBe('Q3 FY2026');
    const variance = sectionPage(q.pages, 'Budget vs actual by department');
    expect(variance.items).toContain('Jul–Sep 2026');
    const ops = tree.find((d) => d.depth === 1)!;
    const quarter = spend(ws, planId, ops.id, '2026-07', '2026-09');
    expect(rowItems(variance, ops, 3)).toEqual([m(quarter.budget), m(quarter.actual), m(quarter.actual - quarter.budget)]);

    const fy = await renderPack(ws, { period: 'FY2026', sections: ['variance'] });
    expect(fy.report.periodLabel).toBe('FY2026');
    const fyPage = sectionPage(fy.pages, 'Budget vs actual by department');
    // No separate period columns: the year is the period.
    expect(fyPage.items.slice(0, 12)).not.toContain('Oct 2026');
    expect(fyPage.items.filter((s) => s === 'Var %')).toHaveLength(fyPage.items.includes('Revenue') ? 2 : 1);
  });

  it('refuses options it cannot honour, with the reason', async () => {
    expect(await asyncRefusal(() => renderBoardPack(ws.ctx, { period: 'September' }))).toMatchObject({ code: 'invalid_input' });
    const nextYear = ws.ctx.db.$client.prepare("SELECT id, name FROM plans WHERE fiscal_year = 2027 LIMIT 1").get() as { id: string; name: string };
    const wrongYear = await asyncRefusal(() => renderBoardPack(ws.ctx, { period: '2026-10', planId: nextYear.id }));
    expect(wrongYear.message).toContain(`${nextYear.name} is a plan for FY2027, but October 2026 YTD falls in FY2026`);
    const twoDrafts = await asyncRefusal(() => renderBoardPack(ws.ctx, { period: '2027-01' }));
    expect(twoDrafts.message).toMatch(/FY2027 has 2 draft plans; choose one: "FY2027 · Base", "FY2027 · Growth"/);
    const noPlan = await asyncRefusal(() => renderBoardPack(ws.ctx, { period: '2030-01' }));
    expect(noPlan.message).toContain('There is no plan for FY2030');
  });

  it('prints "Prepared by" and the confidentiality line from the workspace settings', async () => {
    setReportSettings(ws.ctx, { preparedBy: 'Dana Whitfield, Director of Operations', confidentiality: 'Strictly confidential — board only.' });
    const { pages } = await renderPack(ws, { sections: ['summary'] });
    expect(pages[0]!.text).toContain('Dana Whitfield, Director of Operations');
    expect(pages[0]!.text).toContain('Strictly confidential — board only.');
    expect(pages[1]!.text).toContain('Strictly confidential — board only.');
  });
});

describe('the board pack of a workspace built from the sample files', () => {
  let ws: TempWorkspace;
  beforeAll(async () => {
    ws = tempWorkspace({ init: { name: 'Larkspur Freight', currency: 'USD', fiscalYearStartMonth: 1 } });
    await importFixturesInOrder(ws.ctx);
  });
  afterAll(() => ws.cleanup());

  it('reports the imported budget and names the files it came from', async () => {
    // The actuals are for FY2026, which has no plan: the default is the start of the planned year.
    const { report, bytes, pages } = await renderPack(ws);
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
    expect(renderPngs(bytes, 'fixtures-a4', 60)).toHaveLength(report.pages);
  });

  it('refuses a period whose fiscal year has no plan, saying so', async () => {
    const q = await asyncRefusal(() => renderBoardPack(ws.ctx, { period: '2026-12' }));
    expect(q.message).toContain('There is no plan for FY2026');
  });
});
