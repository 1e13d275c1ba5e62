/**
 * A seasonality profile's weights are kept in fiscal order (first weight = first month of the
 * fiscal year). The importer spreads a year's amount by them through the one rule in shared/spread,
 * so with an April year start the first weight lands on April, not January.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setProfile } from '../../../electron/core/budget/seasonality-service';
import { planImport } from '../../../electron/core/imports/preview';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { seedOrg, sheet, workbook } from './workbooks';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace({ init: { name: 'Test Co', currency: 'USD', fiscalYearStartMonth: 4 } });
  seedOrg(ws.ctx);
});
afterEach(() => ws.cleanup());

describe('spreading by a seasonality profile', () => {
  it('puts the first weight on the first fiscal month', () => {
    setProfile(ws.ctx, { name: 'First month', weights: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    const plan = planImport(ws.ctx, workbook('fy.xlsx', sheet('Budget', [['Department', 'Account', 'FY2027'], ['420', '6100', 1200]])), {
      kind: 'budget',
      planName: 'FY2027 · Base',
      spread: { profile: 'first month' },
    });
    expect(plan.errorCount, JSON.stringify(plan.problems)).toBe(0);
    const spread = plan.spreads[0]!;
    expect(spread.months.filter((m) => m.amountMinor !== 0)).toEqual([{ period: '2026-04', amountMinor: 120000 }]);
    expect(spread.months.reduce((sum, m) => sum + m.amountMinor, 0)).toBe(120000);
  });

  it('refuses an unknown profile at the file, naming it', () => {
    const plan = planImport(ws.ctx, workbook('fy.xlsx', sheet('Budget', [['Department', 'Account', 'FY2027'], ['420', '6100', 1200]])), {
      kind: 'budget',
      planName: 'FY2027 · Base',
      spread: { profile: 'Retail' },
    });
    expect(plan.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('there is no seasonality profile "Retail"'));
  });
});
