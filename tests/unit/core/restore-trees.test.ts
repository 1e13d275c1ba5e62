// The trees a restore reads from a file (departments, call trees) are put in order without
// recursion and in linear time: a 20,000-deep chain used to throw a raw RangeError and 50,000
// sibling departments took 93 s. A circle is refused naming the rows on it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExportDocument, restoreWorkspace } from '../../../electron/core/export/json-restore';
import { openSession } from '../../../electron/core/session';
import { parentsFirst, treeLevels } from '../../../shared/tree';
import { emptyExport, siblingsExport } from '../../helpers/big-export';
import { refusal } from '../../helpers/refusal';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qm-restore-trees-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('treeLevels and parentsFirst', () => {
  it('number a 200,000-deep chain given bottom first, without recursion', () => {
    const n = 200_000;
    const parentOf = new Map<number, number | null>();
    for (let i = n; i >= 1; i--) parentOf.set(i, i === 1 ? null : i - 1);
    const { level, cycle } = treeLevels(parentOf);
    expect(cycle).toBeNull();
    expect(level.get(1)).toBe(1);
    expect(level.get(n)).toBe(n);
    const order = parentsFirst([...parentOf.keys()], level, (k) => k);
    expect(order[0]).toBe(1);
    expect(order.at(-1)).toBe(n);
    expect(order.length).toBe(n);
  });

  it('find a circle, and give nothing on or under it a level', () => {
    const parentOf = new Map<string, string | null>([
      ['top', null],
      ['a', 'top'],
      ['under', 'x'],
      ['x', 'y'],
      ['y', 'z'],
      ['z', 'x'],
      ['missing-parent', 'nowhere'],
    ]);
    const { level, cycle } = treeLevels(parentOf);
    expect(cycle).toEqual(['x', 'y', 'z']);
    expect(Object.fromEntries(level)).toEqual({ top: 1, a: 2, 'missing-parent': 1 });
    expect(parentsFirst([...parentOf.keys()], level, (k) => k)).toEqual(['top', 'missing-parent', 'a']);
  });
});

function restore(name: string, doc: unknown) {
  const target = join(dir, `${name}.sqlite`);
  return { target, counts: restoreWorkspace(target, readExportDocument(JSON.parse(JSON.stringify(doc)), `${name}.json`).doc) };
}

describe('restore of large trees', () => {
  it('restores 50,000 sibling departments in seconds, not minutes', { timeout: 120_000 }, () => {
    // Processor time, not wall time: the figure does not depend on what else the machine runs.
    const started = process.cpuUsage();
    const { target, counts } = restore('siblings', siblingsExport(50_000));
    const used = process.cpuUsage(started);
    expect(counts.departments).toBe(50_001);
    // It took 93 s when the order was built by copying each parent's list of children per child.
    expect((used.user + used.system) / 1e6).toBeLessThan(20);
    const session = openSession(target);
    try {
      const sql = session.ctx.db.$client;
      expect(sql.prepare("SELECT count(*) FROM departments d JOIN departments p ON p.id = d.parent_id WHERE p.code = 'ROOT'").pluck().get()).toBe(50_000);
      expect(sql.prepare('SELECT count(*) FROM department_ancestors').pluck().get()).toBe(50_001 + 50_000);
    } finally {
      session.close();
    }
  });

  it('restores a call tree 20,000 entries deep, callers first', { timeout: 120_000 }, () => {
    const doc = emptyExport();
    const n = 20_000;
    doc.departments.push({ code: 'OPS', name: 'Operations', parentCode: null, manager: null });
    for (let i = 0; i < n; i++) {
      doc.people.push({ key: `OPS/P${i}`, name: `P${i}`, title: null, departmentCode: 'OPS', fte: 1, annualSalaryMinor: null, startDate: null, endDate: null, status: 'active', phone: null });
    }
    doc.continuityPlans.push({
      name: 'Chain of calls',
      process: null,
      scenario: 'site',
      activationCriteria: '',
      workarounds: '',
      reviewedOn: null,
      steps: [],
      // Written last caller first, so that nothing can be inserted in file order.
      callTree: Array.from({ length: n }, (_, j) => ({ person: `OPS/P${j}`, alternate: null, calledBy: j === n - 1 ? null : j + 1 })),
    });
    const { target } = restore('call-chain', doc);
    const session = openSession(target);
    try {
      expect(session.ctx.db.$client.prepare('SELECT count(*) FROM call_tree_entries').pluck().get()).toBe(n);
    } finally {
      session.close();
    }
  });

  it('refuses departments whose parents go round in a circle, naming the rows on it', () => {
    const doc = emptyExport();
    doc.departments.push(
      { code: 'TOP', name: 'Company', parentCode: null, manager: null },
      { code: 'UNDER', name: 'Under the circle', parentCode: 'B', manager: null },
      { code: 'A', name: 'Alpha', parentCode: 'C', manager: null },
      { code: 'B', name: 'Bravo', parentCode: 'A', manager: null },
      { code: 'C', name: 'Charlie', parentCode: 'B', manager: null },
    );
    const message = refusal(() => restore('circle', doc)).message;
    expect(message).toMatch(/departments\[2\] \(Alpha\)\.parentCode: department "A" is inside itself \(its parents go round in a circle: A → C → B → A\)/);
  });
});
