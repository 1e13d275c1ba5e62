import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlan, setPlanStatus } from '../../../electron/core/budget/plan-service';
import { redo, undo } from '../../../electron/core/history/history-service';
import {
  defaultPeriod,
  defaultPlan,
  getCommentary,
  getReportSettings,
  reportChoices,
  setCommentary,
  setReportSettings,
} from '../../../electron/core/report/report-settings';
import { resolvePeriod } from '../../../electron/core/report/report-period';
import { AppError } from '../../../shared/result';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

describe('commentary', () => {
  it('is stored per period, as an undoable change; empty text removes it; the same text is no change', () => {
    expect(getCommentary(ws.ctx, '2026-Q3')).toEqual({ period: '2026-Q3', text: '', updatedAt: null });
    setCommentary(ws.ctx, { period: '2026-Q3', text: 'Costs held.\r\n\r\nHiring on track.  ' });
    expect(getCommentary(ws.ctx, '2026-Q3').text).toBe('Costs held.\n\nHiring on track.');
    expect(getCommentary(ws.ctx, '2026-09').text).toBe('');
    const seq = () => ws.ctx.db.$client.prepare('SELECT count(*) FROM changes').pluck().get();
    const before = seq();
    setCommentary(ws.ctx, { period: '2026-Q3', text: 'Costs held.\n\nHiring on track.' });
    expect(seq()).toBe(before);
    setCommentary(ws.ctx, { period: '2026-Q3', text: '' });
    expect(getCommentary(ws.ctx, '2026-Q3').text).toBe('');
    undo(ws.ctx);
    expect(getCommentary(ws.ctx, '2026-Q3').text).toBe('Costs held.\n\nHiring on track.');
    undo(ws.ctx);
    expect(getCommentary(ws.ctx, '2026-Q3').text).toBe('');
    redo(ws.ctx);
    expect(getCommentary(ws.ctx, '2026-Q3').text).toBe('Costs held.\n\nHiring on track.');
  });

  it('refuses a period that is not one', () => {
    expect(() => setCommentary(ws.ctx, { period: 'Q3 2026', text: 'x' })).toThrow(AppError);
  });
});

describe('pack settings', () => {
  it('default to no preparer and a confidentiality line, and edits undo', () => {
    expect(getReportSettings(ws.ctx)).toEqual({ preparedBy: '', confidentiality: expect.stringContaining('Confidential') });
    setReportSettings(ws.ctx, { preparedBy: 'Dana Whitfield', confidentiality: 'Board only.' });
    expect(getReportSettings(ws.ctx)).toEqual({ preparedBy: 'Dana Whitfield', confidentiality: 'Board only.' });
    undo(ws.ctx);
    expect(getReportSettings(ws.ctx).preparedBy).toBe('');
  });
});

describe('default period and plan', () => {
  it('has nothing to offer in an empty workspace', () => {
    expect(defaultPeriod(ws.ctx)).toBeNull();
    expect(reportChoices(ws.ctx)).toMatchObject({ periods: [], defaultPeriod: null, defaultPlanId: null });
  });

  it('prefers the approved plan, then the locked one, then the only one, and otherwise asks', () => {
    const a = createPlan(ws.ctx, { fiscalYear: 2026, scenario: 'Base' });
    const period = resolvePeriod('2026-03', 1);
    expect(defaultPlan(ws.ctx, period).id).toBe(a.id); // the only plan
    const b = createPlan(ws.ctx, { fiscalYear: 2026, scenario: 'Stretch' });
    expect(() => defaultPlan(ws.ctx, period)).toThrow(/FY2026 has 2 draft plans; choose one: "FY2026 · Base", "FY2026 · Stretch"/);
    setPlanStatus(ws.ctx, { id: b.id, status: 'locked' });
    expect(defaultPlan(ws.ctx, period).id).toBe(b.id);
    setPlanStatus(ws.ctx, { id: a.id, status: 'approved' });
    expect(defaultPlan(ws.ctx, period).id).toBe(a.id);
    // Without actuals the pack starts at the newest plan's first month.
    expect(defaultPeriod(ws.ctx)).toBe('2026-01');
    expect(() => defaultPlan(ws.ctx, resolvePeriod('2025-06', 1))).toThrow(/There is no plan for FY2025/);
  });
});
