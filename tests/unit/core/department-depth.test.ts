// One depth limit for the department tree (shared/org.ts), kept by every door: the app's create and
// move, the departments import and the restore. A 4,000-row departments CSV where each parent is
// the row above took 343 s and grew the workspace from 1.6 MB to 1.47 GB (the tree's closure grows
// with the square of its depth); it is now refused at once, naming the row past the limit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readExportDocument, restoreWorkspace } from '../../../electron/core/export/json-restore';
import { commitImport } from '../../../electron/core/imports/commit';
import { planImport } from '../../../electron/core/imports/preview';
import { createDepartment, listDepartments, moveDepartment } from '../../../electron/core/org/department-service';
import { maxDepartmentLevels } from '../../../shared/org';
import { chainExport } from '../../helpers/big-export';
import { refusal } from '../../helpers/refusal';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { seedOrg, sheet, workbook } from '../imports/workbooks';

let t: TempWorkspace;
beforeEach(() => {
  t = tempWorkspace();
});
afterEach(() => t.cleanup());

/** Processor seconds `fn` takes (not wall time: the machine may be busy with other work). */
function cpuSeconds(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const closureRows = () => t.ctx.db.$client.prepare('SELECT count(*) FROM department_ancestors').pluck().get() as number;

describe('the limit', () => {
  it('is 64 levels: deep enough for any org chart, shallow enough to keep the closure small', () => {
    expect(maxDepartmentLevels).toBe(64);
  });
});

describe('the app: create and move', () => {
  /** A chain of `n` departments made in the app, L1 at the top; answers their ids. */
  function chain(n: number, prefix = 'L'): string[] {
    const ids: string[] = [];
    for (let i = 1; i <= n; i++) ids.push(createDepartment(t.ctx, { code: `${prefix}${i}`, name: `Level ${i}`, parentId: ids.at(-1) ?? null }).id);
    return ids;
  }

  it('adds a department at the deepest level allowed, and refuses one below it, naming it and the limit', () => {
    const ids = chain(maxDepartmentLevels);
    expect(listDepartments(t.ctx).at(-1)).toMatchObject({ code: 'L64', depth: 63 });
    const message = refusal(() => createDepartment(t.ctx, { code: 'L65', name: 'Too deep', parentId: ids.at(-1)! })).message;
    expect(message).toBe('Cannot add L65 Too deep under L64 Level 64: department L65 would be 65 levels deep; departments nest at most 64 levels.');
    expect(listDepartments(t.ctx)).toHaveLength(64);
  });

  it('refuses a move that would put the deepest department of the moved subtree past the limit', () => {
    const deep = chain(60);
    const branch = chain(5, 'B');
    // B1..B5 under L59 would put B5 at level 64: allowed. Under L60, at 65: refused, naming B5.
    moveDepartment(t.ctx, { id: branch[0]!, parentId: deep[58]! });
    expect(listDepartments(t.ctx).find((d) => d.code === 'B5')!.depth).toBe(63);
    const message = refusal(() => moveDepartment(t.ctx, { id: branch[0]!, parentId: deep[59]! })).message;
    expect(message).toBe('Cannot move B1 Level 1 under L60 Level 60: department B5 would be 65 levels deep; departments nest at most 64 levels.');
  });
});

describe('the departments import', () => {
  beforeEach(() => seedOrg(t.ctx));

  /** A departments CSV of `n` rows, each the parent of the next, under the org's root 100. */
  function chainCsv(n: number) {
    const rows = [['code', 'name', 'parent_code'], ...Array.from({ length: n }, (_, i) => [`C${i + 1}`, `Level ${i + 2}`, i === 0 ? '100' : `C${i}`])];
    return workbook('chain.csv', sheet('chain', rows));
  }

  it('refuses a 4,000-deep chain at once, naming the row past the limit', () => {
    let plan!: ReturnType<typeof planImport>;
    const seconds = cpuSeconds(() => {
      plan = planImport(t.ctx, chainCsv(4000));
    });
    const errors = plan.problems.filter((p) => p.severity === 'error');
    // 100 is level 1, so C63 is level 64 and C64 the first row past the limit.
    expect(errors.map((p) => p.message)).toEqual(['department C64 would be 65 levels deep; departments nest at most 64 levels']);
    expect(errors[0]!.ref).toMatch(/C65$/);
    expect(() => commitImport(t.ctx, plan)).toThrow();
    expect(closureRows()).toBe(3 + 2);
    expect(seconds).toBeLessThan(10);
  });

  it('takes a 60-deep chain under the limit, with one closure row per department and ancestor', () => {
    const plan = planImport(t.ctx, chainCsv(60));
    expect(plan.errorCount).toBe(0);
    commitImport(t.ctx, plan);
    expect(listDepartments(t.ctx).find((d) => d.code === 'C60')!.depth).toBe(60);
    // The seed's 5 links, and for the chain's k-th row itself, its k ancestors in the chain and 100.
    expect(closureRows()).toBe(5 + (60 * 61) / 2 + 60);
  });

  it('refuses a row that moves a branch of the org so deep that a department below it passes the limit', () => {
    // 210 moves under C63 (level 64 once the chain is in): 210 itself would be 65 deep.
    const plan = planImport(t.ctx, workbook('move.csv', sheet('m', [['code', 'name', 'parent_code'], ...chainCsv(63).sheets[0]!.rows.slice(1), ['210', 'Warehouse', 'C63']])));
    expect(plan.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual(['department 210 would be 65 levels deep; departments nest at most 64 levels']);
  });

  it('refuses a circle once, naming the rows on it', () => {
    const plan = planImport(t.ctx, workbook('loop.csv', sheet('l', [['code', 'name', 'parent_code'], ['500', 'A', '502'], ['501', 'B', '500'], ['502', 'C', '501']])));
    expect(plan.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual(['department 500 would end up under itself (500 → 502 → 501 → 500)']);
  });
});

describe('the restore', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qm-depth-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a 20,000-deep chain at once with the depth message (not a RangeError)', () => {
    const doc = JSON.parse(JSON.stringify(chainExport(20_000))) as unknown;
    let message = '';
    const seconds = cpuSeconds(() => {
      message = refusal(() => restoreWorkspace(join(dir, 'deep.sqlite'), readExportDocument(doc, 'deep.json').doc)).message;
    });
    expect(message).toBe('deep.json cannot be restored: departments[64] (Level 65).parentCode: department C65 would be 65 levels deep; departments nest at most 64 levels. Nothing was written.');
    expect(seconds).toBeLessThan(10);
  });

  it('restores a chain exactly as deep as the limit', () => {
    const doc = chainExport(maxDepartmentLevels);
    // Written bottom first, so the order to insert in must be worked out.
    doc.departments.reverse();
    expect(restoreWorkspace(join(dir, 'limit.sqlite'), readExportDocument(JSON.parse(JSON.stringify(doc)), 'limit.json').doc).departments).toBe(64);
  });
});
