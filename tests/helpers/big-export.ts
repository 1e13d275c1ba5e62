/**
 * Generated workspace exports for restore tests: a large but valid document (many budget lines and
 * actuals on leaf departments), and department trees of any shape.
 */
import type { WorkspaceExport } from '../../shared/export';

/** An export with no rows but the workspace's own settings. */
export function emptyExport(): WorkspaceExport {
  return {
    format: 'quartermaster-workspace',
    version: 2,
    workspace: { name: 'Generated', currency: 'USD', fiscalYearStartMonth: 1, impactTolerance: 4, riskAppetite: 12 },
    departments: [],
    accounts: [],
    people: [],
    plans: [],
    budgetLines: [],
    actuals: [],
    vendors: [],
    assets: [],
    processes: [],
    dependencies: [],
    continuityPlans: [],
    exercises: [],
    risks: [],
    report: { preparedBy: '', confidentiality: '', commentary: [] },
  };
}

/**
 * One root with `leaves` leaf departments, `accounts` accounts, and a budget line and an actual
 * for every leaf × account × month of 2026: leaves × accounts × 12 of each.
 */
export function bigExport(leaves: number, accounts: number): WorkspaceExport {
  const doc = emptyExport();
  doc.departments.push({ code: 'ROOT', name: 'Company', parentCode: null, manager: null });
  for (let d = 0; d < leaves; d++) doc.departments.push({ code: `D${d}`, name: `Team ${d}`, parentCode: 'ROOT', manager: null });
  for (let a = 0; a < accounts; a++) doc.accounts.push({ code: `A${a}`, name: `Account ${a}`, type: 'expense', active: true });
  doc.plans.push({ name: 'FY2026 · Base', fiscalYear: 2026, scenario: 'Base', status: 'draft' });
  for (let d = 0; d < leaves; d++) {
    for (let a = 0; a < accounts; a++) {
      for (let m = 1; m <= 12; m++) {
        const period = `2026-${String(m).padStart(2, '0')}`;
        doc.budgetLines.push({ plan: 'FY2026 · Base', departmentCode: `D${d}`, accountCode: `A${a}`, period, amountMinor: 100 * (d + a + m), source: null });
        doc.actuals.push({ departmentCode: `D${d}`, accountCode: `A${a}`, period, amountMinor: 90 * (d + a + m), source: null });
      }
    }
  }
  return doc;
}

/** A chain of `depth` departments, each under the one before: C1 at the top, C<depth> at the bottom. */
export function chainExport(depth: number): WorkspaceExport {
  const doc = emptyExport();
  for (let i = 1; i <= depth; i++) doc.departments.push({ code: `C${i}`, name: `Level ${i}`, parentCode: i === 1 ? null : `C${i - 1}`, manager: null });
  return doc;
}

/** One root with `count` departments directly under it. */
export function siblingsExport(count: number): WorkspaceExport {
  const doc = emptyExport();
  doc.departments.push({ code: 'ROOT', name: 'Company', parentCode: null, manager: null });
  for (let i = 0; i < count; i++) doc.departments.push({ code: `S${i}`, name: `Team ${i}`, parentCode: 'ROOT', manager: null });
  return doc;
}
