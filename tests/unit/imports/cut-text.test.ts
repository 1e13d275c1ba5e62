/**
 * Nothing of a name is lost without a word: a department, account or person name longer than the
 * app keeps (200 characters) is cut at a character boundary (never through an emoji) with a warning
 * at its cell; and what the reader changed (a cell cut at Excel's limit) reaches the preview.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planImport } from '../../../electron/core/imports/preview';
import { readCsv } from '../../../electron/core/imports/read/read-csv';
import { isWellFormed } from '../../../shared/text';
import type { ImportPlan } from '../../../shared/imports';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';
import { seedOrg, sheet, workbook } from './workbooks';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

const warnings = (plan: ImportPlan) => plan.problems.filter((p) => p.severity === 'warning').map((p) => `${p.ref}: ${p.message}`);

describe('long names', () => {
  it('a 300-character department name is cut to 200 at its cell, with a warning, and no emoji is split', () => {
    // 199 letters then an emoji (two UTF-16 units): a cut at 200 units would split it.
    const name = `${'N'.repeat(199)}😀${'x'.repeat(99)}`;
    const plan = planImport(ws.ctx, workbook('d.xlsx', sheet('Departments', [['code', 'name'], ['100', name]])), { kind: 'departments' });
    expect(plan.errorCount).toBe(0);
    expect(warnings(plan)).toEqual([expect.stringMatching(/^d\.xlsx!Departments!B2: the name is 300 characters long; only the first 200 were kept$/)]);
    const records = plan.records;
    if (records?.kind !== 'departments') throw new Error('not a departments import');
    const kept = records.rows[0]!.name;
    expect(isWellFormed(kept)).toBe(true);
    expect(kept).toBe('N'.repeat(199));
  });

  it('a person title over 200 characters is said too', () => {
    seedOrg(ws.ctx);
    const plan = planImport(
      ws.ctx,
      workbook('p.xlsx', sheet('People', [['name', 'title', 'department'], ['Ada Lovelace', 'T'.repeat(250), '210']])),
      { kind: 'people' },
    );
    expect(warnings(plan).some((w) => /p\.xlsx!People!B2: the title is 250 characters long; only the first 200 were kept/.test(w))).toBe(true);
  });
});

describe("the reader's warnings", () => {
  it('a cell cut at the reader reaches the preview, naming the cell', () => {
    const csv = `code,name,manager\n100,Sales,${'m'.repeat(40_000)}\n`;
    const plan = planImport(ws.ctx, readCsv(new TextEncoder().encode(csv), 'depts.csv'), { kind: 'departments' });
    expect(warnings(plan).some((w) => w.startsWith('depts.csv!C2:') && /only the first 32,767 were kept/.test(w))).toBe(true);
  });
});
