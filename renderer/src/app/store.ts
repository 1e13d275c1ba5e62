/**
 * Workspace-wide UI state: which view, plan and department are chosen (shared by Budget and
 * Variance), the lists every picker needs, undo/redo state, toasts and the open dialog.
 * Server data lives here only when several views need the same list; the rest is fetched by
 * the view that shows it.
 */
import { create } from 'zustand';
import type { Plan } from '../../../shared/budget';
import type { MethodName } from '../../../shared/contract';
import type { Department } from '../../../shared/org';
import type { HistoryState, WorkspaceInfo } from '../../../shared/workspace';
import { call, errorMessage, invalidate } from '../api';
import { isViewId, type ViewId } from './views';

export type DialogState =
  | { kind: 'createPlan' }
  | { kind: 'copyPlan'; planId: string }
  | { kind: 'lockPlan'; planId: string }
  | { kind: 'addDepartment'; parentId: string | null }
  | { kind: 'addAccount' }
  | { kind: 'workspaceSettings' };

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
  /** One follow-up the toast offers, e.g. "Show in folder" after a save. */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run: () => void;
}

interface AppState {
  ready: boolean;
  loadError: string | null;
  view: ViewId;
  planId: string | null;
  departmentId: string | null;
  workspace: WorkspaceInfo | null;
  plans: Plan[];
  departments: Department[];
  history: HistoryState;
  /** Budget edits changed the plans' and departments' line counts since the lists were loaded. */
  listsStale: boolean;
  toasts: Toast[];
  dialog: DialogState | null;
  paletteOpen: boolean;
  helpOpen: boolean;

  setView: (view: ViewId) => void;
  setPlan: (planId: string) => void;
  setDepartment: (departmentId: string) => void;
  openDialog: (dialog: DialogState | null) => void;
  setPaletteOpen: (open: boolean) => void;
  setHelpOpen: (open: boolean) => void;
  toast: (kind: Toast['kind'], message: string, action?: ToastAction) => void;
  dismissToast: (id: number) => void;
  /** Reloads the shared lists (workspace, plans, departments, history). */
  refresh: () => Promise<void>;
  /** Reloads only what undo and redo would do. */
  refreshHistory: () => Promise<void>;
}

const selectionKey = 'qm.selection';

interface SavedSelection {
  view?: unknown;
  planId?: unknown;
  departmentId?: unknown;
}

function loadSelection(): SavedSelection {
  try {
    return JSON.parse(sessionStorage.getItem(selectionKey) ?? '{}') as SavedSelection;
  } catch {
    return {};
  }
}

function saveSelection(state: Pick<AppState, 'view' | 'planId' | 'departmentId'>): void {
  try {
    sessionStorage.setItem(selectionKey, JSON.stringify({ view: state.view, planId: state.planId, departmentId: state.departmentId }));
  } catch {
    // Without storage a reload starts from the defaults; nothing else depends on it.
  }
}

/** The plan covering this month, preferring one that is no longer a draft; else the newest. */
function defaultPlan(plans: Plan[]): string | null {
  const now = new Date();
  const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const current = plans.filter((p) => p.months.includes(thisMonth));
  const pick = current.find((p) => p.status !== 'draft') ?? current[0] ?? plans[0];
  return pick?.id ?? null;
}

let toastSeq = 0;
// Quick edits start overlapping refreshes whose answers can arrive in any order: each refresh
// takes a number and only the newest one may write, so an older answer never replaces a newer.
let listsSeq = 0;
let historySeq = 0;
/** Budget edits so far; a list refresh that overlapped one may hold counts from before it. */
let figureEdits = 0;
const saved = loadSelection();

export const useApp = create<AppState>()((set, get) => ({
  ready: false,
  loadError: null,
  view: isViewId(saved.view) ? saved.view : 'budget',
  planId: typeof saved.planId === 'string' ? saved.planId : null,
  departmentId: typeof saved.departmentId === 'string' ? saved.departmentId : null,
  workspace: null,
  plans: [],
  departments: [],
  history: { canUndo: false, undoLabel: null, canRedo: false, redoLabel: null },
  listsStale: false,
  toasts: [],
  dialog: null,
  paletteOpen: false,
  helpOpen: false,

  setView: (view) => {
    set({ view });
    saveSelection(get());
    // Budget edits skip the list refresh to stay fast; the other views show the counts.
    if (get().listsStale) void get().refresh();
  },
  setPlan: (planId) => {
    set({ planId });
    saveSelection(get());
  },
  setDepartment: (departmentId) => {
    set({ departmentId });
    saveSelection(get());
  },
  openDialog: (dialog) => set({ dialog, paletteOpen: false }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  toast: (kind, message, action) => {
    const id = ++toastSeq;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, message, ...(action ? { action } : {}) }] }));
    // A toast with a button stays long enough to reach it by keyboard.
    setTimeout(() => get().dismissToast(id), kind === 'error' || action ? 9000 : 4000);
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),

  refresh: async () => {
    const seq = ++listsSeq;
    const historyAt = ++historySeq;
    const editsAt = figureEdits;
    try {
      const [workspace, plans, departments, history] = await Promise.all([
        call('workspace.info', {}),
        call('plans.list', {}),
        call('org.listDepartments', {}),
        call('history.state', {}),
      ]);
      if (seq !== listsSeq) return;
      const s = get();
      const planId = s.planId && plans.some((p) => p.id === s.planId) ? s.planId : defaultPlan(plans);
      const departmentId =
        s.departmentId && departments.some((d) => d.id === s.departmentId) ? s.departmentId : (departments[0]?.id ?? null);
      set({ ready: true, loadError: null, workspace, plans, departments, listsStale: editsAt !== figureEdits, planId, departmentId });
      if (historyAt === historySeq) set({ history });
      saveSelection(get());
    } catch (err) {
      if (seq !== listsSeq) return;
      if (!get().ready) set({ loadError: errorMessage(err) });
      else get().toast('error', errorMessage(err));
    }
  },

  refreshHistory: async () => {
    const seq = ++historySeq;
    try {
      const history = await call('history.state', {});
      if (seq === historySeq) set({ history });
    } catch (err) {
      if (seq === historySeq) get().toast('error', errorMessage(err));
    }
  },
}));

export interface ChangeOptions<T> {
  /** A confirmation toast once it worked. */
  done?: string | ((value: T) => string);
  /** Dialogs show a refusal themselves; the toast would only repeat it. */
  quiet?: boolean;
  /**
   * 'figures' for budget cell edits: they change amounts, never names or structure, so only the
   * history and the figure queries are refetched (on a large workspace the lists alone would eat
   * the edit's time budget); the lists' counts reload on the next view switch. Default:
   * everything, which structural changes and undo/redo (it can undo anything) need.
   */
  scope?: 'figures' | 'everything';
}

/** Queries whose answers a budget cell edit changes. */
const figureQueries: readonly MethodName[] = ['budget.grid', 'budget.variance'];

export type ChangeResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Runs a change against the workspace, then refreshes what it can have changed. A refusal
 * becomes an error toast (the server's words, never a stack) and resolves to ok:false.
 */
export async function change<T>(run: () => Promise<T>, options: ChangeOptions<T> = {}): Promise<ChangeResult<T>> {
  const app = useApp.getState();
  try {
    const value = await run();
    if (options.scope === 'figures') {
      figureEdits += 1;
      useApp.setState({ listsStale: true });
      invalidate(figureQueries);
      await app.refreshHistory();
    } else {
      // Lists first: a change can remove the chosen plan or department, and queries must not
      // refetch with an id that no longer exists.
      await app.refresh();
      invalidate();
    }
    const { done } = options;
    if (done) app.toast('info', typeof done === 'string' ? done : done(value));
    return { ok: true, value };
  } catch (err) {
    const message = errorMessage(err);
    if (!options.quiet) app.toast('error', message);
    return { ok: false, message };
  }
}

export async function undo(): Promise<void> {
  if (!useApp.getState().history.canUndo) return;
  await change(() => call('history.undo', {}), { done: (step) => (step.label ? `Undone: ${step.label}` : 'Nothing to undo') });
}

export async function redo(): Promise<void> {
  if (!useApp.getState().history.canRedo) return;
  await change(() => call('history.redo', {}), { done: (step) => (step.label ? `Redone: ${step.label}` : 'Nothing to redo') });
}

export function useCurrentPlan(): Plan | null {
  return useApp((s) => s.plans.find((p) => p.id === s.planId) ?? null);
}

export function useCurrentDepartment(): Department | null {
  return useApp((s) => s.departments.find((d) => d.id === s.departmentId) ?? null);
}
