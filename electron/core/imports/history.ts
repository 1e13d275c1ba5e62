/**
 * Import history: every committed batch, and undo of one batch at any later time. Linear undo
 * (Edit › Undo) takes back the last change whatever it was; undoing a batch instead restores what
 * its change overwrote, as a new undoable change, provided nothing written since has touched the
 * same rows — otherwise restoring would silently throw that later work away, so it refuses and
 * names the changes in the way.
 */
import { batchLabel, type ImportBatch } from '../../../shared/imports';
import { AppError } from '../../../shared/result';
import { isoNow, type Ctx } from '../context';
import { auditedTables, type AuditedTableName } from '../db/schema';
import { withChange, type NewRowOf } from '../history/change';
import { readRow, type Row } from '../history/row-store';

interface BatchRow {
  id: string;
  seq: number;
  kind: ImportBatch['kind'];
  fileName: string;
  fileHash: string;
  sheets: string;
  planId: string | null;
  planName: string | null;
  planStatus: string | null;
  departmentIds: string;
  rowsImported: number;
  cellsImported: number;
  origin: string;
  changeId: string;
  changeSeq: number | null;
  changeState: string | null;
  changeLabel: string | null;
  createdAt: string;
  undoneAt: string | null;
}

const batchQuery = `
  SELECT b.id, b.seq, b.kind, b.file_name AS fileName, b.file_hash AS fileHash, b.sheets, b.plan_id AS planId,
         p.name AS planName, p.status AS planStatus, b.department_ids AS departmentIds, b.rows_imported AS rowsImported,
         b.cells_imported AS cellsImported, b.origin, b.change_id AS changeId, c.seq AS changeSeq, c.state AS changeState,
         c.label AS changeLabel, b.created_at AS createdAt, b.undone_at AS undoneAt
    FROM import_batches b LEFT JOIN plans p ON p.id = b.plan_id LEFT JOIN changes c ON c.id = b.change_id`;

function jsonList(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Newest first. */
export function listImportBatches(ctx: Ctx): ImportBatch[] {
  const rows = ctx.db.$client.prepare(`${batchQuery} ORDER BY b.seq DESC`).all() as BatchRow[];
  // Every department's code at once: one query, not one per department per batch.
  const codes = new Map(ctx.db.$client.prepare('SELECT id, code FROM departments').raw().all() as Array<[string, string]>);
  return rows.map((b) => ({
    id: b.id,
    seq: b.seq,
    batch: batchLabel(b.seq),
    kind: b.kind,
    fileName: b.fileName,
    fileHash: b.fileHash,
    sheets: jsonList(b.sheets),
    planId: b.planId,
    planName: b.planName,
    departmentCodes: jsonList(b.departmentIds)
      .map((id) => codes.get(id))
      .filter((c): c is string => c !== undefined),
    rowsImported: b.rowsImported,
    cellsImported: b.cellsImported,
    origin: b.origin,
    createdAt: b.createdAt,
    undoneAt: b.undoneAt,
    changeLabel: b.changeLabel,
  }));
}

function isAuditedTable(name: string): name is AuditedTableName {
  return Object.hasOwn(auditedTables, name);
}

interface AuditImage {
  id: number;
  tableName: string;
  rowId: string;
  before: string | null;
  after: string | null;
}

const cellTables: Record<string, { sql: string; describe: (r: Row) => string } | undefined> = {
  budget_lines: {
    sql: 'SELECT id FROM budget_lines WHERE plan_id = @planId AND department_id = @departmentId AND account_id = @accountId AND period = @period',
    describe: (r) => String(r.period),
  },
  actuals: {
    sql: 'SELECT id FROM actuals WHERE department_id = @departmentId AND account_id = @accountId AND period = @period',
    describe: (r) => String(r.period),
  },
};

/**
 * A line the batch replaced or removed comes back only if its cell is free: a later change may
 * have written another line into the same cell (plan, department, account, month). Restoring it
 * would then break the cell's uniqueness, so undo refuses and names the cell.
 */
function refuseOccupiedCells(ctx: Ctx, name: string, images: readonly AuditImage[]): void {
  const sqlite = ctx.db.$client;
  const goingAway = new Set(images.filter((i) => i.before === null).map((i) => `${i.tableName}:${i.rowId}`));
  for (const image of images) {
    const table = cellTables[image.tableName];
    if (!table || image.before === null || !isAuditedTable(image.tableName)) continue;
    if (readRow(ctx, image.tableName, image.rowId)) continue;
    const before = JSON.parse(image.before) as Row;
    const occupant = sqlite
      .prepare(table.sql)
      .pluck()
      .get({ planId: before.planId ?? null, departmentId: before.departmentId, accountId: before.accountId, period: before.period }) as string | undefined;
    if (occupant === undefined || goingAway.has(`${image.tableName}:${occupant}`)) continue;
    const department = sqlite.prepare('SELECT code FROM departments WHERE id = ?').pluck().get(before.departmentId) as string | undefined;
    const account = sqlite.prepare('SELECT code FROM accounts WHERE id = ?').pluck().get(before.accountId) as string | undefined;
    const plan = before.planId ? (sqlite.prepare('SELECT name FROM plans WHERE id = ?').pluck().get(before.planId) as string | undefined) : undefined;
    const cellName = [plan, department ?? String(before.departmentId), account ?? String(before.accountId), table.describe(before)].filter(Boolean).join(' · ');
    throw new AppError(
      'refused',
      `Cannot undo ${name}: the cell ${cellName} it would restore has been filled again since by later work. Undo that first, or import a corrected file instead. Nothing was changed.`,
      { cell: cellName },
    );
  }
}

/**
 * Undoes one import batch as a new change: every row its change wrote goes back to what it was
 * before (lines it added removed, lines it replaced or removed restored, departments or accounts
 * it created removed), and the batch is marked undone. Refuses, writing nothing, when a later
 * change has touched any of those rows, or when the batch's plan is locked.
 */
export function undoImportBatch(ctx: Ctx, batchId: string): { batch: string; label: string; restored: number } {
  const sqlite = ctx.db.$client;
  const batch = sqlite.prepare(`${batchQuery} WHERE b.id = ?`).get(batchId) as BatchRow | undefined;
  if (!batch) throw new AppError('not_found', 'That import no longer exists (it may have been taken back with Undo).');
  const name = `import ${batchLabel(batch.seq)} (${batch.fileName})`;
  if (batch.undoneAt !== null) throw new AppError('refused', `${name} was already undone.`);
  if (batch.planStatus === 'locked') throw new AppError('locked', `Cannot undo ${name}: ${batch.planName} is locked, and locked plans stay as they are.`);
  if (batch.changeSeq === null) throw new AppError('refused', `Cannot undo ${name}: its record of what it changed is gone.`);
  if (batch.changeState !== 'done') {
    throw new AppError(
      'refused',
      `Cannot undo ${name}: its history was closed (a plan was locked or the workspace was upgraded since), so what it changed can no longer be taken back. Import a corrected file instead.`,
    );
  }

  const later = sqlite
    .prepare(
      `SELECT c.label, count(DISTINCT a.table_name || ':' || a.row_id) AS rows
         FROM audit_rows a JOIN changes c ON c.id = a.change_id
        WHERE c.seq > @seq AND c.state <> 'undone' AND a.table_name <> 'import_batches'
          AND EXISTS (SELECT 1 FROM audit_rows mine WHERE mine.change_id = @changeId AND mine.table_name = a.table_name AND mine.row_id = a.row_id)
        GROUP BY c.id ORDER BY c.seq`,
    )
    .all({ seq: batch.changeSeq, changeId: batch.changeId }) as { label: string; rows: number }[];
  if (later.length > 0) {
    const rows = later.reduce((s, l) => s + l.rows, 0);
    throw new AppError(
      'refused',
      `Cannot undo ${name}: ${rows === 1 ? '1 row it wrote was' : `${rows} rows it wrote were`} changed afterwards by ${later
        .slice(0, 3)
        .map((l) => `"${l.label}"`)
        .join(', ')}${later.length > 3 ? ` and ${later.length - 3} more` : ''}. Undo those first, or import a corrected file instead.`,
      { changes: later.map((l) => l.label) },
    );
  }

  const images = sqlite
    .prepare("SELECT id, table_name AS tableName, row_id AS rowId, before, after FROM audit_rows WHERE change_id = ? AND table_name <> 'import_batches' ORDER BY id DESC")
    .all(batch.changeId) as AuditImage[];
  refuseOccupiedCells(ctx, name, images);
  // A plan the batch created goes with it, but the batch row (kept, marked undone) names it: let go first.
  const createsItsPlan = batch.planId !== null && images.some((i) => i.tableName === 'plans' && i.rowId === batch.planId && i.before === null);
  const label = `Undo ${name}`;
  try {
    withChange(ctx, label, (w) => {
      if (createsItsPlan) w.update('import_batches', batch.id, { planId: null });
      for (const image of images) {
        if (!isAuditedTable(image.tableName)) throw new Error(`audit row names an unknown table: ${image.tableName}`);
        const table = image.tableName;
        const before = image.before === null ? null : (JSON.parse(image.before) as Row);
        const current = readRow(ctx, table, image.rowId);
        if (before === null) {
          if (current) w.remove(table, current.id);
        } else if (!current) {
          // A row image has the table's own columns by construction: it was read from it.
          w.insert(table, before as NewRowOf<typeof table>);
        } else {
          w.update(table, current.id, before as Partial<NewRowOf<typeof table>>);
        }
      }
      w.update('import_batches', batch.id, { undoneAt: isoNow(ctx) });
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new AppError('refused', `Cannot undo ${name}: something it created is now used by later work (for example people in a department it created). Nothing was changed.`);
    }
    throw err;
  }
  return { batch: batchLabel(batch.seq), label, restored: images.length };
}
