/** The sample files imported into a workspace through the services the app uses. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { commitImport } from '../../electron/core/imports/commit';
import { planImport } from '../../electron/core/imports/preview';
import { readWorkbook } from '../../electron/core/imports/read/read-workbook';
import { fixtureOrder, fixturePath } from './fixtures';

/**
 * Imports every sample file in order (planImport, then commitImport, as the app does), expecting
 * no file to have an error; returns each file's name and commit result.
 */
export async function importFixturesInOrder(ctx: Ctx): Promise<Array<{ name: string; result: ReturnType<typeof commitImport> }>> {
  const results: Array<{ name: string; result: ReturnType<typeof commitImport> }> = [];
  for (const [name, options] of fixtureOrder) {
    const plan = planImport(ctx, await readWorkbook(readFileSync(fixturePath(name)), name), options);
    expect(plan.problems.filter((p) => p.severity === 'error'), name).toEqual([]);
    results.push({ name, result: commitImport(ctx, plan) });
  }
  return results;
}
