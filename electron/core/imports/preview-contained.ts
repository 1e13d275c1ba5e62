/**
 * The preview of a file read in the reader's worker (read-contained.ts), planned while it is
 * read: a CSV's rows arrive in chunks, and the plan reads and checks each chunk while the worker
 * parses the next, so the two cores share the work. Once the first rows have settled a long
 * sheet's mapping, the worker reads the figures of the rows still to come itself (long-rows.ts),
 * and the plan only checks and compares them. The plan is planImport's for the complete file: it
 * is started on the first rows (which settle sheets, kind and mapping), fed every row in order,
 * and finished once the read is complete. When anything stands in the way of that
 * promise — the reader started over, the plan failed on a partial file, the workspace changed
 * while the file was being read — the complete file is planned again with planImport (read
 * again, when the plan had already let the rows it read go).
 */
import type { ImportOptions, ImportPlan } from '../../../shared/imports';
import type { Ctx } from '../context';
import type { LongRowBlock } from './long-rows';
import { HEADER_SEARCH_ROWS } from './detect';
import type { WorkbookData } from './model';
import { planImport, startPlan, type PlanSession } from './preview';
import { readWorkbookContained, type ContainedReadOptions, type StreamedRead } from './read/read-contained';

/** Changes on this connection and commits by others: equal before and after, nothing was written in between. */
function workspaceVersion(ctx: Ctx): string {
  const sqlite = ctx.db.$client;
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  return `${changes}:${dataVersion}`;
}

export async function planImportContained(
  ctx: Ctx,
  source: string | Uint8Array,
  fileName: string,
  readOptions: Omit<ContainedReadOptions, 'onRows'>,
  options: ImportOptions = {},
): Promise<ImportPlan> {
  // undefined: not started yet; null: given up (the complete file is planned at the end).
  let session: PlanSession | null | undefined;
  let fed: WorkbookData | undefined;
  let versionAtStart = '';
  const onBlock = (block: LongRowBlock): void => {
    if (!session) return;
    try {
      session.readLongRows(block);
    } catch {
      session = null;
    }
  };
  const onRows = (partial: WorkbookData, stream: StreamedRead): void => {
    if (session === null) return;
    try {
      if (session === undefined) {
        // The plan starts once the rows it decides from are all there (header search, sample
        // values); a file shorter than that is planned whole at the end.
        if ((partial.sheets[0]?.rows.length ?? 0) < HEADER_SEARCH_ROWS) return;
        versionAtStart = workspaceVersion(ctx);
        fed = partial;
        session = startPlan(ctx, partial, options, { releaseRows: true, scanLongRows: true });
        // The mapping is settled: the worker reads the rest of a long sheet's rows as it parses them
        // (asked before these rows are read, so that it starts as soon as it can).
        const spec = session.longRowSpec();
        if (spec) stream.readLongRows(spec, onBlock);
      }
      session.readAvailable();
    } catch {
      // Planned again from the complete file, where the same failure is reported as it should be.
      session = null;
    }
  };
  const workbook = await readWorkbookContained(source, fileName, { ...readOptions, onRows });
  if (fed !== workbook) return planImport(ctx, workbook, options);
  if (session && workspaceVersion(ctx) === versionAtStart) return session.finish();
  // The plan let the rows it read go: the file is read again, whole, to be planned in one piece.
  return planImport(ctx, await readWorkbookContained(source, fileName, readOptions), options);
}
