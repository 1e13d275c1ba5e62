/**
 * The single workspace row: name, currency and fiscal-year start. It is created once, outside the
 * undo history (undoing it would leave a file that is not a workspace), and edited as an undoable
 * change afterwards.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../../shared/result';
import { localeSchema } from '../../../shared/date-format';
import { currencySchema, fiscalStartMonthSchema, type WorkspaceInfo, type workspaceUpdateSchema } from '../../../shared/workspace';
import { isoNow, type Ctx } from '../context';
import { changes, plans, workspace } from '../db/schema';
import { withChange } from '../history/change';
import { writeTransaction } from '../db/transactions';

export interface WorkspaceSettings {
  name: string;
  currency: string;
  fiscalYearStartMonth: number;
  /** BCP 47 tag: how dates are shown (shared/date-format.ts); a new workspace takes en-GB unless told. */
  locale?: string | undefined;
}

/** The settings as stored: every field known. */
export type StoredSettings = Required<WorkspaceSettings> & { locale: string };

const WORKSPACE_ROW_ID = 1;

const settingsSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  currency: currencySchema,
  fiscalYearStartMonth: fiscalStartMonthSchema,
  locale: localeSchema.optional(),
});

/** The workspace settings; every service that needs the currency or fiscal start asks here. */
export function getSettings(ctx: Ctx): StoredSettings {
  const row = ctx.db.select().from(workspace).where(eq(workspace.id, WORKSPACE_ROW_ID)).get();
  if (!row) {
    throw new AppError('not_found', `${ctx.fileName} has no workspace settings yet: it was never initialised.`);
  }
  return { name: row.name, currency: row.currency, fiscalYearStartMonth: row.fiscalYearStartMonth, locale: row.locale };
}

export function getWorkspaceInfo(ctx: Ctx): WorkspaceInfo {
  const settings = getSettings(ctx);
  const schemaVersion = ctx.db.$client.pragma('user_version', { simple: true }) as number;
  const last = ctx.db
    .select({ at: changes.at })
    .from(changes)
    .where(eq(changes.state, 'done'))
    .orderBy(desc(changes.seq))
    .limit(1)
    .get();
  const storage = ctx.storage?.();
  return {
    fileName: ctx.fileName,
    ...settings,
    schemaVersion,
    lastChangeAt: last?.at ?? null,
    ...(storage
      ? {
          storage: {
            readOnly: storage.readOnly,
            integrity: storage.integrity.state,
            problem: 'detail' in storage.integrity ? storage.integrity.detail : null,
          },
        }
      : {}),
  };
}

/**
 * Writes the workspace row of a new file. Deliberately not a change: a fresh workspace has an
 * empty undo stack, and no undo can take the settings away.
 */
export function initWorkspace(ctx: Ctx, input: WorkspaceSettings): WorkspaceInfo {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_input', `Cannot set up the workspace: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid settings'}.`);
  }
  writeTransaction(ctx.db, () => {
    const existing = ctx.db.select({ name: workspace.name }).from(workspace).get();
    if (existing) {
      throw new AppError('refused', `${ctx.fileName} is already set up as the workspace "${existing.name}".`);
    }
    ctx.db
      .insert(workspace)
      .values({ id: WORKSPACE_ROW_ID, ...parsed.data, createdAt: isoNow(ctx) })
      .run();
  });
  return getWorkspaceInfo(ctx);
}

type WorkspacePatch = z.output<typeof workspaceUpdateSchema>;

function describeUpdate(before: WorkspaceSettings, patch: Partial<WorkspaceSettings>): string {
  const keys = Object.keys(patch);
  if (keys.length === 1 && patch.name !== undefined) return `Rename workspace to ${patch.name}`;
  if (keys.length === 1 && patch.currency !== undefined) return `Change currency from ${before.currency} to ${patch.currency}`;
  if (keys.length === 1 && patch.fiscalYearStartMonth !== undefined) return 'Change fiscal year start';
  if (keys.length === 1 && patch.locale !== undefined) return `Show dates as ${patch.locale}`;
  return 'Edit workspace settings';
}

export function updateWorkspace(ctx: Ctx, input: WorkspacePatch): WorkspaceInfo {
  const before = getSettings(ctx);
  const patch: Partial<WorkspaceSettings> = {};
  if (input.name !== undefined && input.name !== before.name) patch.name = input.name;
  if (input.currency !== undefined && input.currency !== before.currency) patch.currency = input.currency;
  if (input.locale !== undefined && input.locale !== before.locale) patch.locale = input.locale;
  if (input.fiscalYearStartMonth !== undefined && input.fiscalYearStartMonth !== before.fiscalYearStartMonth) {
    // Plans are stored by fiscal year and their lines by calendar month; moving the year's start
    // would silently shift which months belong to which plan.
    const planCount = ctx.db.select({ n: sql<number>`count(*)` }).from(plans).get()?.n ?? 0;
    if (planCount > 0) {
      throw new AppError(
        'refused',
        `The fiscal year start cannot change while the workspace has plans (${planCount}): their months would no longer line up with their fiscal years.`,
      );
    }
    patch.fiscalYearStartMonth = input.fiscalYearStartMonth;
  }
  if (Object.keys(patch).length > 0) {
    withChange(ctx, describeUpdate(before, patch), (w) => {
      w.update('workspace', WORKSPACE_ROW_ID, patch);
    });
  }
  return getWorkspaceInfo(ctx);
}
