/**
 * A small company for the budget tests, built through the real services:
 *
 *   100 Larkspur Freight
 *   ├── 200 Operations
 *   │   ├── 210 Warehouse
 *   │   ├── 220 Fleet
 *   │   └── 230 Dispatch
 *   └── 300 Sales
 *
 * Accounts: 4000 Freight revenue, 6000 Salaries & wages, 6100 Travel, 8000 Trucks (capex).
 */
import { createAccount } from '../../../electron/core/budget/account-service';
import { createPlan } from '../../../electron/core/budget/plan-service';
import type { Ctx } from '../../../electron/core/context';
import { createDepartment } from '../../../electron/core/org/department-service';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

export interface SmallCompany {
  tw: TempWorkspace;
  ctx: Ctx;
  dept: { root: string; ops: string; warehouse: string; fleet: string; dispatch: string; sales: string };
  acct: { revenue: string; salaries: string; travel: string; trucks: string };
  planId: string;
}

export function smallCompany(opts: { fiscalYearStartMonth?: number } = {}): SmallCompany {
  const tw = tempWorkspace({ init: { fiscalYearStartMonth: opts.fiscalYearStartMonth ?? 1 } });
  const ctx = tw.ctx;
  const dep = (code: string, name: string, parentId: string | null) => createDepartment(ctx, { code, name, parentId }).id;
  const root = dep('100', 'Larkspur Freight', null);
  const ops = dep('200', 'Operations', root);
  const dept = {
    root,
    ops,
    warehouse: dep('210', 'Warehouse', ops),
    fleet: dep('220', 'Fleet', ops),
    dispatch: dep('230', 'Dispatch', ops),
    sales: dep('300', 'Sales', root),
  };
  const acc = (code: string, name: string, type: 'revenue' | 'expense' | 'capex') => createAccount(ctx, { code, name, type }).id;
  const acct = {
    revenue: acc('4000', 'Freight revenue', 'revenue'),
    salaries: acc('6000', 'Salaries & wages', 'expense'),
    travel: acc('6100', 'Travel', 'expense'),
    trucks: acc('8000', 'Trucks', 'capex'),
  };
  const planId = createPlan(ctx, { fiscalYear: 2026, scenario: 'Base' }).id;
  return { tw, ctx, dept, acct, planId };
}
