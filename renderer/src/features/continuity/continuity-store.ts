/** Which part of Continuity is shown: the tab, the open process, the list's sort; the go-bag paper. */
import type { SortingState } from '@tanstack/react-table';
import { create } from 'zustand';
import type { GoBagPaper } from '../../../../shared/go-bag';

export type ContinuityTab = 'processes' | 'register' | 'map' | 'settings';

interface ContinuityState {
  tab: ContinuityTab;
  /** The process page that is open; null shows the list. */
  processId: string | null;
  sorting: SortingState;
  /** The paper the last go-bag was printed on, offered again. */
  goBagPaper: GoBagPaper;
  setTab: (tab: ContinuityTab) => void;
  openProcess: (id: string | null) => void;
  setSorting: (sorting: SortingState) => void;
  setGoBagPaper: (paper: GoBagPaper) => void;
}

export const useContinuity = create<ContinuityState>()((set) => ({
  tab: 'processes',
  processId: null,
  sorting: [],
  goBagPaper: 'a4',
  setTab: (tab) => set({ tab }),
  openProcess: (processId) => set({ processId, tab: 'processes' }),
  setSorting: (sorting) => set({ sorting }),
  setGoBagPaper: (goBagPaper) => set({ goBagPaper }),
}));
