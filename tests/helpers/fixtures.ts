/**
 * The project's sample spreadsheets live in tests/fixtures, written by tests/fixtures/generate.ts
 * (`npm run fixtures:generate`) and committed with it; tests read them from there, the app never
 * does. (The e2e specs import this file too: it stays free of vitest and of the app's code.)
 */
import { join, resolve } from 'node:path';
import type { ImportOptions } from '../../shared/imports';

export const fixturesDir = resolve(import.meta.dirname, '../fixtures');

export function fixturePath(name: string): string {
  return join(fixturesDir, name);
}

/** The sample files in the order a director imports them: departments, accounts, people, budgets, actuals. */
export const fixtureOrder: Array<[string, ImportOptions]> = [
  ['departments.csv', {}],
  ['accounts.csv', {}],
  ['people-hr-export.xlsx', {}],
  // A fresh workspace has no plan: the first budget names it, and the import creates it.
  ['budget-marketing-fy2027.xlsx', { planName: 'FY2027 · Base' }],
  ['budget-warehouse-fy2027.csv', {}],
  ['actuals-fy2026-gl-export.csv', {}],
];
