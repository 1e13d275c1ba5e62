/**
 * The board pack's continuity and risk sections, read back from the PDF and compared with what the
 * continuity and risk services return (continuityOverview, riskHeatMap, topRisks) for the demo
 * workspace; switched on and off; an honest line when a workspace has no processes or risks; the
 * same bytes for the same state; pages kept as PNGs in tests/output/report/pack-continuity-*.
 */
import { formatDate } from '../../shared/date-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlan } from '../../electron/core/budget/plan-service';
import { formatHours } from '../../electron/core/continuity/readiness';
import { continuityOverview } from '../../electron/core/continuity/views';
import { renderBoardPack } from '../../electron/core/report/board-pack';
import { riskHeatMap } from '../../electron/core/risks/risk-queries';
import { topRisks } from '../../electron/core/risks/risk-report';
import { renderPack, renderPngs } from '../helpers/pdf-artifacts';
import type { PdfPage } from '../helpers/pdf-text';
import { preparedOutsideTransaction } from '../helpers/read-transaction';
import { demoWorkspace, tempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';

/** The text of a section: from the page its title starts to the page before the next section. */
function sectionText(pages: PdfPage[], report: { sections: { id: string; page: number }[] }, id: string): { pages: PdfPage[]; text: string } {
  const at = report.sections.findIndex((s) => s.id === id);
  const from = report.sections[at]!.page;
  const to = report.sections[at + 1]?.page ?? pages.length + 1;
  const own = pages.slice(from - 1, to - 1);
  return { pages: own, text: own.map((p) => p.text).join(' ') };
}

function expectInOrder(text: string, pieces: string[], what: string) {
  let at = 0;
  for (const piece of pieces) {
    const found = text.indexOf(piece, at);
    if (found < 0) throw new Error(`${what}: "${piece}" is not printed after …${text.slice(Math.max(0, at - 40), at + 200)}…`);
    at = found + piece.length;
  }
}

describe('the continuity and risk sections of the demo pack', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = demoWorkspace();
  });
  afterAll(() => ws.cleanup());

  it('prints the readiness the continuity services compute', async () => {
    const { report, bytes, pages } = await renderPack(ws);
    expect(report.sections.map((s) => s.id)).toEqual(['cover', 'summary', 'variance', 'trend', 'headcount', 'continuity', 'risks', 'sources']);
    // Listed in the contents with their pages.
    for (const s of report.sections.filter((x) => x.id === 'continuity' || x.id === 'risks')) {
      expect(pages[s.page - 1]!.items[2]).toBe(s.title);
      const entry = pages[0]!.items.indexOf(s.title);
      expect(pages[0]!.items[entry + 1]).toBe(String(s.page));
    }

    // The pack is prepared on the day of the last change; the demo was built on the test clock's day.
    const overview = continuityOverview(ws.ctx);
    expect(overview.processes.length).toBeGreaterThan(3);
    const { text } = sectionText(pages, report, 'continuity');
    expect(text).toContain(`OVERALL READINESS ${overview.overallScore} / 100`);
    expect(text).toContain(`CRITICAL PROCESSES ${overview.counts.processes}`);
    const scenarioGaps = overview.scenarioPlans.reduce((n, p) => n + p.readiness.gaps.length, 0);
    const scenariosWithGaps = overview.scenarioPlans.filter((p) => p.readiness.gaps.length > 0).length;
    expect(text).toContain(
      `GAPS FOUND ${overview.counts.gaps + scenarioGaps} in ${overview.counts.processesWithGaps} of ${overview.counts.processes} processes${scenariosWithGaps > 0 ? ` and ${scenariosWithGaps} scenario plan` : ''}`,
    );
    expect(text).toContain(`EXERCISES ${overview.counts.exercisesLastYear} held in the last 12 months · ${overview.counts.exercisesDue} process`);
    // One row per process, by tier then name: tier, RTO, last exercised, score, number of gaps.
    expectInOrder(
      text,
      overview.processes.flatMap((p) => [
        p.name,
        ` ${p.tier} ${p.rtoHours === null ? 'not set' : formatHours(p.rtoHours)} ${p.lastExercisedOn ? formatDate(p.lastExercisedOn) : 'never'} `,
        ` ${p.readiness.score} ${p.readiness.gaps.length}`,
      ]),
      'process table',
    );
    // Then the scenario plans, with their own readiness.
    expect(overview.scenarioPlans.length).toBeGreaterThan(0);
    expectInOrder(
      text.slice(text.indexOf('Scenario plans')),
      overview.scenarioPlans.flatMap((p) => [p.name, ` ${p.lastExercisedOn ? formatDate(p.lastExercisedOn) : 'never'} `, ` ${p.readiness.score} ${p.readiness.gaps.length}`]),
      'scenario plans',
    );
    // Every gap with its fix, process by process, then scenario plan by scenario plan.
    expectInOrder(
      text.slice(text.indexOf('Gaps and what fixes them')),
      [...overview.processes, ...overview.scenarioPlans].flatMap((p) => p.readiness.gaps.flatMap((g) => [g.message, `Fix: ${g.fix}`])),
      'gaps',
    );
    expect(renderPngs(bytes, 'pack-continuity-demo-a4')).toHaveLength(report.pages);
  });

  it('prints the heat map cell by cell and every risk above appetite with owner and mitigation status', async () => {
    const { report, pages } = await renderPack(ws, { sections: ['risks'] });
    const map = riskHeatMap(ws.ctx);
    const top = topRisks(ws.ctx, { limit: 100 });
    expect(top.total).toBeGreaterThanOrEqual(10);
    const { pages: own, text } = sectionText(pages, report, 'risks');
    // The map draws each cell, top row first: its score, then its count when it holds any risk.
    const items = own[0]!.items;
    const start = items.indexOf('Likelihood ↑ · number of risks per cell (residual)') + 1;
    const expected = map.residual.flatMap((c) => (c.count > 0 ? [String(c.score), String(c.count)] : [String(c.score)]));
    expect(items.slice(start, start + expected.length)).toEqual(expected);
    expect(map.residual.reduce((s, c) => s + c.count, 0)).toBe(top.total);

    expect(text).toContain(`ABOVE APPETITE ${top.aboveAppetite} of ${top.total} risks in the register score above ${map.appetite}`);
    const above = top.risks.filter((r) => r.aboveAppetite);
    expect(above.length).toBe(top.aboveAppetite);
    expectInOrder(
      text.slice(text.indexOf('Risks above appetite')),
      above.flatMap((r, i) => [`${i + 1} ${r.title}`, r.ownerName ?? 'No owner', `${r.residual.likelihood} × ${r.residual.impact} = ${r.residual.score}`, String(r.inherentScore), r.mitigationStatus]),
      'risks above appetite',
    );
    // Risks within appetite are not listed.
    for (const r of top.risks.filter((x) => !x.aboveAppetite)) expect(text).not.toContain(r.title);
  });

  it('switches the sections on and off', async () => {
    const only = await renderPack(ws, { sections: ['continuity'] });
    expect(only.report.sections.map((s) => s.id)).toEqual(['cover', 'continuity']);
    expect(only.pages[0]!.text).not.toContain('Top risks');
    const neither = await renderPack(ws, { sections: ['summary', 'sources'] });
    expect(neither.pages.some((p) => p.text.includes('Business continuity readiness') || p.text.includes('Top risks'))).toBe(false);
  });

  it('gives the same bytes for the same state', async () => {
    const a = await renderPack(ws, { sections: ['continuity', 'risks'], paper: 'letter' });
    const b = await renderPack(ws, { sections: ['continuity', 'risks'], paper: 'letter' });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(renderPngs(a.bytes, 'pack-continuity-sections-letter')).toHaveLength(a.report.pages);
  });

  it('reads the new sections inside the pack’s one read transaction', async () => {
    const outside = await preparedOutsideTransaction(ws.ctx, () => renderBoardPack(ws.ctx, { sections: ['continuity', 'risks'] }));
    expect(outside).toEqual([]);
  });
});

describe('the continuity and risk sections of a workspace without either', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = tempWorkspace({ init: { name: 'Test Co', currency: 'USD', fiscalYearStartMonth: 1 } });
    createPlan(ws.ctx, { fiscalYear: 2026, scenario: 'Base' });
  });
  afterAll(() => ws.cleanup());

  it('prints one honest line each, not an empty page', async () => {
    const { report, bytes, pages } = await renderPack(ws, { sections: ['continuity', 'risks'], paper: 'letter' });
    // Cover (with the contents), then a page each.
    expect(pages).toHaveLength(3);
    expect(sectionText(pages, report, 'continuity').text).toContain('No critical processes are recorded yet, so there is no readiness to report.');
    expect(sectionText(pages, report, 'risks').text).toContain('No risks are recorded in the register yet.');
    expect(renderPngs(bytes, 'pack-continuity-empty-letter')).toHaveLength(3);
  });
});
