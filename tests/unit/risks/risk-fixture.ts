/**
 * A small workspace for the risk register's tests: two departments' worth of people (one open role,
 * one who has left), two processes and two vendors written directly (the continuity services that
 * normally create them are someone else's), and helpers that parse input the way the contract does.
 */
import { createDepartment } from '../../../electron/core/org/department-service';
import { createPerson } from '../../../electron/core/org/people-service';
import { withChange } from '../../../electron/core/history/change';
import { createRisk, updateRisk } from '../../../electron/core/risks/risk-service';
import { riskCreateSchema, riskUpdateSchema, type RiskCreateInput, type RiskUpdateInput } from '../../../shared/risks';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { sealHistory } from '../../../electron/core/history/change';

export interface RiskFixture {
  t: TempWorkspace;
  priya: string;
  sean: string;
  openRole: string;
  /** Left on 2026-06-30, before the fixed clock's 2026-11-21. */
  leaver: string;
  dispatch: string;
  payroll: string;
  fuelCo: string;
  cloudCo: string;
}

export function riskFixture(): RiskFixture {
  const t = tempWorkspace();
  const ops = createDepartment(t.ctx, { code: '200', name: 'Operations', parentId: null }).id;
  const base = { departmentId: ops, title: null, fte: 1, annualSalaryMinor: null, startDate: null, endDate: null, status: 'active' as const };
  const priya = createPerson(t.ctx, { ...base, name: 'Priya Natarajan' }).id;
  const sean = createPerson(t.ctx, { ...base, name: 'Sean Gallagher' }).id;
  const openRole = createPerson(t.ctx, { ...base, name: 'Open role — Risk analyst', status: 'open' }).id;
  const leaver = createPerson(t.ctx, { ...base, name: 'Dana Left', startDate: '2020-01-06', endDate: '2026-06-30' }).id;
  const at = t.ctx.now().toISOString();
  const ids = { dispatch: t.ctx.newId(), payroll: t.ctx.newId(), fuelCo: t.ctx.newId(), cloudCo: t.ctx.newId() };
  withChange(t.ctx, 'Set up continuity rows', (w) => {
    w.insert('processes', { id: ids.dispatch, name: 'Dispatch', tier: 1, createdAt: at, updatedAt: at });
    w.insert('processes', { id: ids.payroll, name: 'Payroll', tier: 2, createdAt: at, updatedAt: at });
    w.insert('vendors', { id: ids.fuelCo, name: 'Northline Fuel', service: 'Diesel supply', createdAt: at, updatedAt: at });
    w.insert('vendors', { id: ids.cloudCo, name: 'Alder Cloud', service: 'Hosting', createdAt: at, updatedAt: at });
  });
  // The set-up is not something the tests undo.
  sealHistory(t.ctx);
  return { t, priya, sean, openRole, leaver, ...ids };
}

export function riskInput(overrides: Partial<RiskCreateInput> = {}): RiskCreateInput {
  return {
    title: 'Fuel supplier fails',
    category: 'supplier',
    ownerPersonId: null,
    inherent: { likelihood: 3, impact: 5 },
    residual: { likelihood: 2, impact: 4 },
    ...overrides,
  };
}

export function create(f: RiskFixture, overrides: Partial<RiskCreateInput> = {}) {
  return createRisk(f.t.ctx, riskCreateSchema.parse(riskInput(overrides)));
}

export function update(f: RiskFixture, input: RiskUpdateInput) {
  return updateRisk(f.t.ctx, riskUpdateSchema.parse(input));
}
