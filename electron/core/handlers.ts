/**
 * Binds every contract method to its core service for one open workspace. Transports never call
 * services directly: they dispatch through this map (see ipc/dispatch.ts).
 */
import type { Handlers } from '../../shared/contract';
import { createAccount, listAccounts, updateAccount } from './budget/account-service';
import { budgetGrid, setCells } from './budget/grid-service';
import { copyPlan, createPlan, deletePlan, listPlans, setPlanStatus } from './budget/plan-service';
import { varianceReport } from './budget/variance-service';
import { continuityHandlers } from './continuity/handlers';
import { currencyHandlers } from './currency/handlers';
import type { Ctx } from './context';
import { historyState, redo, undo } from './history/history-service';
import { commitImport } from './imports/commit';
import { listImportBatches, undoImportBatch } from './imports/history';
import { planImportContained } from './imports/preview-contained';
import { prewarmReader } from './imports/read/read-contained';
import { budgetTemplateWorkbook } from './imports/templates';
import { exportTable } from './export/table-export';
import { getCommentary, reportChoices, setCommentary, setReportSettings } from './report/report-settings';
import { createDepartment, deleteDepartment, listDepartments, moveDepartment, updateDepartment } from './org/department-service';
import { createPerson, deletePerson, listPeople, updatePerson } from './org/people-service';
import { riskHandlers } from './risks/handlers';
import { getWorkspaceInfo, updateWorkspace } from './workspace/workspace-service';

export function createHandlers(ctx: Ctx): Handlers {
  return {
    'workspace.info': () => getWorkspaceInfo(ctx),
    'workspace.update': (input) => updateWorkspace(ctx, input),

    'history.state': () => historyState(ctx),
    'history.undo': () => undo(ctx),
    'history.redo': () => redo(ctx),

    'org.listDepartments': () => listDepartments(ctx),
    'org.createDepartment': (input) => createDepartment(ctx, input),
    'org.updateDepartment': (input) => updateDepartment(ctx, input),
    'org.moveDepartment': (input) => moveDepartment(ctx, input),
    'org.deleteDepartment': (input) => (deleteDepartment(ctx, input.id), { ok: true }),

    'org.listPeople': (input) => listPeople(ctx, input.departmentId),
    'org.createPerson': (input) => createPerson(ctx, input),
    'org.updatePerson': (input) => updatePerson(ctx, input),
    'org.deletePerson': (input) => (deletePerson(ctx, input.id, { reassignTo: input.reassignTo }), { ok: true }),

    'accounts.list': () => listAccounts(ctx),
    'accounts.create': (input) => createAccount(ctx, input),
    'accounts.update': (input) => updateAccount(ctx, input),

    'plans.list': () => listPlans(ctx),
    'plans.create': (input) => createPlan(ctx, input),
    'plans.copy': (input) => copyPlan(ctx, input),
    'plans.setStatus': (input) => setPlanStatus(ctx, input),
    'plans.delete': (input) => (deletePlan(ctx, input.id), { ok: true }),

    'budget.grid': (input) => budgetGrid(ctx, input),
    'budget.setCells': (input) => setCells(ctx, input),
    'budget.variance': (input) => varianceReport(ctx, input),

    'imports.preview': async ({ file, options }) => {
      // The contract has already checked that this is base64 of at most 12 MB.
      const bytes = Buffer.from(file.base64, 'base64');
      const csv = options.decimalComma === undefined ? {} : { csv: { decimalComma: options.decimalComma } };
      // Planned while it is read: a CSV's rows are checked as they arrive from the reader.
      return planImportContained(ctx, bytes, file.name, csv, options);
    },
    'imports.commit': (input) => commitImport(ctx, input.plan),
    // The import view asks for the history when it opens: a file is likely next, so warm the reader.
    'imports.history': () => (prewarmReader(), listImportBatches(ctx)),
    'imports.templates': async (input) => {
      const { fileName, bytes } = await budgetTemplateWorkbook(ctx, input);
      return { fileName, base64: bytes.toString('base64') };
    },
    'imports.undoBatch': (input) => undoImportBatch(ctx, input.batchId),

    'report.choices': () => reportChoices(ctx),
    // The PDF renderers (react-pdf, fonts) load on first use, so a transport starts without them.
    'report.render': async (input) => (await import('./report/board-pack')).renderBoardPack(ctx, input),
    'report.commentary': (input) => getCommentary(ctx, input.period),
    'report.setCommentary': (input) => setCommentary(ctx, input),
    'report.setSettings': (input) => setReportSettings(ctx, input),

    'exports.table': (input) => exportTable(ctx, input),

    ...continuityHandlers(ctx),
    'continuity.goBag': async (input) => (await import('./report/go-bag/go-bag')).renderGoBag(ctx, input),
    ...riskHandlers(ctx),
    ...currencyHandlers(ctx),
  };
}
