/** Which part of Continuity is shown: the tab, the open process or scenario plan, the list's sort; the go-bag paper; unsaved process details. */
import type { SortingState } from '@tanstack/react-table';
import { create } from 'zustand';
import type { GoBagPaper } from '../../../../shared/go-bag';
import type { ProcessForm } from './process-fields';

export type ContinuityTab = 'processes' | 'register' | 'map' | 'settings';

/** Unsaved edits of a process's details: the stored values they started from, and what was typed. */
export interface ProcessDraft {
  base: ProcessForm;
  form: ProcessForm;
}

interface ContinuityState {
  tab: ContinuityTab;
  /** The process page that is open; null shows the list. */
  processId: string | null;
  /** The scenario plan page that is open (a plan tied to no process); opening a process closes it. */
  scenarioPlanId: string | null;
  sorting: SortingState;
  /** The paper the last go-bag was printed on, offered again. */
  goBagPaper: GoBagPaper;
  /**
   * Unsaved "Details and objectives" edits by process id. They outlive the page (back to the list,
   * another tab, another view), so coming back finds them; saving or discarding removes them.
   */
  processDrafts: Record<string, ProcessDraft>;
  setTab: (tab: ContinuityTab) => void;
  openProcess: (id: string | null) => void;
  openScenarioPlan: (id: string | null) => void;
  setSorting: (sorting: SortingState) => void;
  setGoBagPaper: (paper: GoBagPaper) => void;
  /** Keeps (or, with null, forgets) the unsaved edits of one process. */
  setProcessDraft: (processId: string, draft: ProcessDraft | null) => void;
}

export const useContinuity = create<ContinuityState>()((set) => ({
  tab: 'processes',
  processId: null,
  scenarioPlanId: null,
  sorting: [],
  goBagPaper: 'a4',
  processDrafts: {},
  setTab: (tab) => set({ tab }),
  openProcess: (processId) => set({ processId, scenarioPlanId: null, tab: 'processes' }),
  openScenarioPlan: (scenarioPlanId) => set({ scenarioPlanId, processId: null, tab: 'processes' }),
  setSorting: (sorting) => set({ sorting }),
  setGoBagPaper: (goBagPaper) => set({ goBagPaper }),
  setProcessDraft: (processId, draft) =>
    set((s) => {
      if (draft === null) {
        if (!(processId in s.processDrafts)) return s;
        const rest = { ...s.processDrafts };
        delete rest[processId];
        return { processDrafts: rest };
      }
      return { processDrafts: { ...s.processDrafts, [processId]: draft } };
    }),
}));
