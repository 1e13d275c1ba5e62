/** Which part of Continuity is shown: the tab, the open process, the list's sort. */
import type { SortingState } from '@tanstack/react-table';
import { create } from 'zustand';

export type ContinuityTab = 'processes' | 'register' | 'map' | 'settings';

interface ContinuityState {
  tab: ContinuityTab;
  /** The process page that is open; null shows the list. */
  processId: string | null;
  sorting: SortingState;
  setTab: (tab: ContinuityTab) => void;
  openProcess: (id: string | null) => void;
  setSorting: (sorting: SortingState) => void;
}

export const useContinuity = create<ContinuityState>()((set) => ({
  tab: 'processes',
  processId: null,
  sorting: [],
  setTab: (tab) => set({ tab }),
  openProcess: (processId) => set({ processId, tab: 'processes' }),
  setSorting: (sorting) => set({ sorting }),
}));
