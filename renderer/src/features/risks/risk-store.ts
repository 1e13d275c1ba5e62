/**
 * The Risks view's own UI state: filters, the heat map's mode and the table's sort. Kept in a
 * store so leaving the view and coming back shows the register as it was left.
 */
import type { SortingState } from '@tanstack/react-table';
import { create } from 'zustand';
import { noFilters, type CellChoice, type HeatMode, type RiskFilters } from './risk-filters';

interface RiskViewState {
  filters: RiskFilters;
  mode: HeatMode;
  sorting: SortingState;
  setFilters: (patch: Partial<RiskFilters>) => void;
  clearFilters: () => void;
  setMode: (mode: HeatMode) => void;
  /** Choosing the chosen cell again clears it. */
  toggleCell: (cell: CellChoice) => void;
  setSorting: (sorting: SortingState) => void;
}

export const useRiskView = create<RiskViewState>()((set) => ({
  filters: noFilters,
  mode: 'residual',
  sorting: [{ id: 'residual', desc: true }],
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  clearFilters: () => set({ filters: noFilters }),
  // A cell of the other mode no longer matches what the map shows: switching clears it.
  setMode: (mode) => set((s) => ({ mode, filters: s.filters.cell && s.filters.cell.mode !== mode ? { ...s.filters, cell: null } : s.filters })),
  toggleCell: (cell) =>
    set((s) => {
      const same = s.filters.cell && s.filters.cell.mode === cell.mode && s.filters.cell.likelihood === cell.likelihood && s.filters.cell.impact === cell.impact;
      return { filters: { ...s.filters, cell: same ? null : cell } };
    }),
  setSorting: (sorting) => set({ sorting }),
}));
