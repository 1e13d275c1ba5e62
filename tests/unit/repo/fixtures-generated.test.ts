/**
 * The sample files under tests/fixtures are the generator's output, committed with it: running
 * tests/fixtures/generate.ts again must give the same files. A hand edit to a fixture, or a change
 * to the generator without `npm run fixtures:generate`, fails here.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFiles, writeFixtures } from '../../fixtures/generate';
import { fixtureOrder, fixturesDir } from '../../helpers/fixtures';

/** Everything a reader of the workbook could see: sheets, cells (value, type, format, font), merges, columns, row styles. */
async function workbookDump(path: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return {
    created: workbook.created,
    sheets: workbook.worksheets.map((sheet) => {
      const rows: unknown[] = [];
      sheet.eachRow({ includeEmpty: true }, (row, r) => {
        const cells: unknown[] = [];
        row.eachCell({ includeEmpty: true }, (cell) => {
          cells.push([cell.address, cell.type, cell.value, cell.numFmt ?? null, cell.font ?? null]);
        });
        rows.push([r, row.font ?? null, cells]);
      });
      return {
        name: sheet.name,
        state: sheet.state,
        merges: sheet.model.merges,
        columns: (sheet.columns ?? []).map((c) => [c.width ?? null, c.numFmt ?? null]),
        rows,
      };
    }),
  };
}

describe('tests/fixtures is the generator output', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qm-fixtures-'));
    await writeFixtures(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the fixtures folder is inside the repository and holds exactly the generated files and the generator', () => {
    expect(fixturesDir).toBe(join(import.meta.dirname, '../../fixtures'));
    expect(readdirSync(fixturesDir).sort()).toEqual([...fixtureFiles, 'generate.ts'].sort());
    expect(fixtureOrder.map(([name]) => name)).toEqual([...fixtureFiles]);
  });

  for (const name of fixtureFiles.filter((n) => n.endsWith('.csv'))) {
    it(`${name}: byte for byte`, () => {
      const committed = readFileSync(join(fixturesDir, name));
      const fresh = readFileSync(join(dir, name));
      expect(fresh.toString('utf8')).toBe(committed.toString('utf8'));
      expect(fresh.equals(committed)).toBe(true);
    });
  }

  for (const name of fixtureFiles.filter((n) => n.endsWith('.xlsx'))) {
    it(`${name}: the same sheets, cells, formats, formulas and merges`, async () => {
      expect(await workbookDump(join(dir, name))).toEqual(await workbookDump(join(fixturesDir, name)));
    });
  }

  it('the generator is deterministic (two runs, the same bytes)', async () => {
    const again = mkdtempSync(join(tmpdir(), 'qm-fixtures-'));
    try {
      await writeFixtures(again);
      for (const name of fixtureFiles) {
        expect(readFileSync(join(again, name)).equals(readFileSync(join(dir, name))), name).toBe(true);
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
