/**
 * The one declaration of every call the renderer can make: name → input schema → output schema.
 * The renderer's client, the handler map, the Electron IPC binding, the preload api and the HTTP
 * transport are all derived from this object. Add a method here and the compiler shows every
 * place that must follow.
 */
import { z } from 'zod';
import { continuityMethods } from './continuity';
import { currencyMethods } from './currency';
import { goBagMethods } from './go-bag';
import { mutation, query } from './method';
import { riskMethods } from './risks';
import {
  accountCreateSchema,
  accountSchema,
  accountUpdateSchema,
  budgetGridSchema,
  gridQuerySchema,
  planCopySchema,
  planCreateSchema,
  planSchema,
  planStatusChangeSchema,
  setCellsSchema,
  varianceQuerySchema,
  varianceReportSchema,
} from './budget';
import {
  departmentCreateSchema,
  departmentMoveSchema,
  departmentSchema,
  departmentUpdateSchema,
  idSchema,
  personCreateSchema,
  personSchema,
  personUpdateSchema,
} from './org';
import {
  importBatchSchema,
  importPlanSchema,
  importPreviewInputSchema,
  importResultSchema,
  undoBatchResultSchema,
} from './imports';
import {
  commentaryQuerySchema,
  commentarySchema,
  commentaryUpdateSchema,
  renderedReportSchema,
  reportChoicesSchema,
  reportOptionsSchema,
  reportSettingsSchema,
  tableExportInputSchema,
  tableExportSchema,
} from './report';
import { historyStateSchema, historyStepSchema, workspaceInfoSchema, workspaceUpdateSchema } from './workspace';

const none = z.object({}).strict();
const byId = z.object({ id: idSchema }).strict();
const done = z.object({ ok: z.literal(true) });

export const contract = {
  'workspace.info': query(none, workspaceInfoSchema, 'Name, currency, fiscal year start of the open workspace.'),
  'workspace.update': mutation(workspaceUpdateSchema.strict(), workspaceInfoSchema, 'Rename, change currency or fiscal start.'),

  'history.state': query(none, historyStateSchema, 'What undo and redo would do now.'),
  'history.undo': mutation(none, historyStepSchema, 'Undo the most recent change (survives restarts).'),
  'history.redo': mutation(none, historyStepSchema, 'Redo the most recently undone change.'),

  'org.listDepartments': query(none, z.array(departmentSchema), 'The department tree, depth-first in code order.'),
  'org.createDepartment': mutation(departmentCreateSchema.strict(), departmentSchema, 'Add a department.'),
  'org.updateDepartment': mutation(departmentUpdateSchema.strict(), departmentSchema, 'Rename, re-code or change manager.'),
  'org.moveDepartment': mutation(departmentMoveSchema.strict(), departmentSchema, 'Move under another parent.'),
  'org.deleteDepartment': mutation(byId, done, 'Delete a department with no children, people or budget lines.'),

  'org.listPeople': query(
    z.object({ departmentId: idSchema.nullable() }).strict(),
    z.array(personSchema),
    'People and open roles of one department (or all when null).',
  ),
  'org.createPerson': mutation(personCreateSchema.strict(), personSchema, 'Add a person or an open role.'),
  'org.updatePerson': mutation(personUpdateSchema.strict(), personSchema, 'Edit a person.'),
  'org.deletePerson': mutation(
    z.object({ id: idSchema, reassignTo: idSchema.optional() }).strict(),
    done,
    'Remove a person; refused (with the plans and processes by name) while continuity or risks use them, unless reassignTo moves every reference to that person in the same change.',
  ),

  'accounts.list': query(none, z.array(accountSchema), 'The chart of accounts, in code order.'),
  'accounts.create': mutation(accountCreateSchema.strict(), accountSchema, 'Add an account.'),
  'accounts.update': mutation(accountUpdateSchema.strict(), accountSchema, 'Edit, deactivate or reactivate an account.'),

  'plans.list': query(none, z.array(planSchema), 'Plans, newest fiscal year first.'),
  'plans.create': mutation(planCreateSchema.strict(), planSchema, 'Create an empty draft plan.'),
  'plans.copy': mutation(planCopySchema.strict(), planSchema, 'Copy a plan into a new scenario with an uplift per account type.'),
  'plans.setStatus': mutation(planStatusChangeSchema.strict(), planSchema, 'Approve, return to draft, or lock a plan.'),
  'plans.delete': mutation(byId, done, 'Delete a draft plan and its lines.'),

  'budget.grid': query(gridQuerySchema.strict(), budgetGridSchema, 'Accounts × months for a department, rolled up.'),
  'budget.setCells': mutation(
    setCellsSchema.strict(),
    z.object({ changed: z.number().int() }),
    'Set or clear budget cells of leaf departments, as one undoable change.',
  ),
  'budget.variance': query(varianceQuerySchema.strict(), varianceReportSchema, 'Budget vs actual for a department.'),

  'imports.preview': query(
    importPreviewInputSchema.strict(),
    importPlanSchema,
    'Read a spreadsheet (sent as base64, at most 12 MB) and show what importing it would do; writes nothing.',
  ),
  'imports.commit': mutation(z.object({ plan: importPlanSchema }).strict(), importResultSchema, 'Write a previewed import as one change (the plan is checked again).'),
  'imports.history': query(none, z.array(importBatchSchema), 'Every import batch, newest first.'),
  'imports.templates': query(
    z.object({ planId: idSchema, departmentIds: z.array(idSchema).max(10_000).optional() }).strict(),
    z.object({ fileName: z.string().min(1), base64: z.string() }),
    // A query: it reads the workspace and writes nothing in it; the page saves the bytes.
    'Manager budget templates of a plan as one xlsx (a sheet per leaf department), sent as base64.',
  ),
  'imports.undoBatch': mutation(z.object({ batchId: idSchema }).strict(), undoBatchResultSchema, 'Undo one import batch, unless later work touched its rows.'),

  'report.choices': query(none, reportChoicesSchema, 'Periods, plans and sections the board pack can be made for, with the defaults.'),
  'report.render': query(reportOptionsSchema.strict(), renderedReportSchema, 'Render the board pack as a PDF (read in one transaction).'),
  'report.commentary': query(commentaryQuerySchema.strict(), commentarySchema, "The director's commentary for a period."),
  'report.setCommentary': mutation(commentaryUpdateSchema.strict(), commentarySchema, "Write the director's commentary for a period."),
  'report.setSettings': mutation(reportSettingsSchema.strict(), reportSettingsSchema, '"Prepared by" and the confidentiality line printed on the pack.'),

  'exports.table': query(tableExportInputSchema.strict(), tableExportSchema, 'The budget grid, variance table or import history as xlsx or csv.'),

  ...continuityMethods,
  ...goBagMethods,
  ...riskMethods,
  ...currencyMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMutation(name: MethodName): boolean {
  return contract[name].kind === 'mutation';
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/**
 * Core implements this; transports call it. Most handlers are synchronous, like better-sqlite3;
 * one that waits on other work (a spreadsheet read in a worker) returns a promise.
 */
export type Handlers = { [M in MethodName]: (input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

/** The prefix of every Electron IPC channel, e.g. "qm:budget.grid". */
export const ipcChannelPrefix = 'qm:';
export type { MethodKind } from './method';
