import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../../electron/core/budget/account-service';
import { setProfile } from '../../../electron/core/budget/seasonality-service';
import { createSpreadSource, requireSpread } from '../../../electron/core/budget/spread-source';
import { createDepartment } from '../../../electron/core/org/department-service';
import { fiscalYearMonths } from '../../../shared/periods';
import { refusal } from '../../helpers/refusal';
import { insertActual } from '../../helpers/raw-figures';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

let t: TempWorkspace;
beforeEach(() => {
  t = tempWorkspace({ init: { fiscalYearStartMonth: 4 } });
});
afterEach(() => t.cleanup());

describe('createSpreadSource', () => {
  it("spreads by last year's actuals by default, evenly where there are none, by a profile when asked", () => {
    const dept = createDepartment(t.ctx, { code: '410', name: 'Sales', parentId: null });
    const other = createDepartment(t.ctx, { code: '420', name: 'Ops', parentId: null });
    const acct = createAccount(t.ctx, { code: '4000', name: 'Revenue', type: 'revenue' });
    const fy2026 = fiscalYearMonths(2026, 4);
    fy2026.forEach((p, i) => insertActual(t.ctx, { departmentId: dept.id, accountId: acct.id, period: p, amountMinor: i < 6 ? 100 : 300 }));
    setProfile(t.ctx, { name: 'Back-loaded', weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2] });
    const fy2027 = fiscalYearMonths(2027, 4);
    const source = createSpreadSource(t.ctx, { from: fy2027[0]!, to: fy2027[11]! }, 4);

    const byActuals = source.spread(2_400_00, fy2027, dept.id, acct.id, { kind: 'default' });
    expect(byActuals).toMatchObject({ ok: true, method: 'last-year-actuals', description: "by last year's actuals" });
    expect(byActuals.ok && byActuals.months).toEqual([...new Array(6).fill(100_00), ...new Array(6).fill(300_00)]);

    expect(source.spread(1200, fy2027, other.id, acct.id, { kind: 'default' })).toMatchObject({ ok: true, method: 'even', months: new Array(12).fill(100) });
    const none = source.spread(1200, fy2027, other.id, acct.id, { kind: 'last-year-actuals' });
    expect(none).toMatchObject({ ok: false });
    expect(refusal(() => requireSpread(none, 'FY2027 total at C4')).message).toMatch(/^FY2027 total at C4 cannot be spread: there are no actuals last year/);

    // The profile's weights are in fiscal order; a quarter takes its three.
    const q4 = fy2027.slice(9);
    expect(source.spread(1000, q4, dept.id, acct.id, { kind: 'profile', name: 'back-loaded' })).toMatchObject({ ok: true, months: [250, 250, 500] });
    expect(source.lastYear(q4, dept.id, acct.id)).toEqual([300, 300, 300]);
    expect(refusal(() => source.spread(1000, q4, dept.id, acct.id, { kind: 'profile', name: 'Flat' })).code).toBe('not_found');
  });
});
