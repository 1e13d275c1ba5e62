/**
 * The Reports view's state that must outlive the view: the pack's options, the commentary as
 * saved and as being typed (per period, so switching period or view loses nothing), and the PDF
 * export in progress. Server data the view only shows (choices, the preview) stays in the view.
 */
import { create } from 'zustand';
import type { PaperSize, ReportSectionId } from '../../../../shared/report';
import { call, errorMessage } from '../../api';
import { change } from '../../app/store';
import { commentaryDirty, LatestOnly, normaliseCommentary, type ExportPhase } from './report-logic';

export interface SavedCommentary {
  period: string;
  text: string;
  updatedAt: string | null;
}

interface ReportState {
  /** Null until the workspace's choices arrive; then their default. */
  period: string | null;
  planId: string | null;
  /** Null: every section (until the user unticks one). */
  sections: ReportSectionId[] | null;
  paper: PaperSize;
  /** What the workspace holds for `period`; null while it loads. */
  saved: SavedCommentary | null;
  commentaryError: string | null;
  /** Unsaved commentary per period. */
  drafts: Record<string, string>;
  savingCommentary: boolean;
  exportPhase: ExportPhase;

  choose: (patch: Partial<Pick<ReportState, 'period' | 'planId' | 'sections' | 'paper'>>) => void;
  setDraft: (period: string, text: string) => void;
  setExportPhase: (phase: ExportPhase) => void;
}

export const useReport = create<ReportState>()((set) => ({
  period: null,
  planId: null,
  sections: null,
  paper: 'a4',
  saved: null,
  commentaryError: null,
  drafts: {},
  savingCommentary: false,
  exportPhase: { step: 'idle' },

  choose: (patch) => set(patch),
  setDraft: (period, text) => set((s) => ({ drafts: { ...s.drafts, [period]: text } })),
  setExportPhase: (exportPhase) => set({ exportPhase }),
}));

// Loads and saves overlap (a save, then the refetch every change triggers): the newest wins.
const commentaryTurn = new LatestOnly();

/** Fetches the saved commentary for a period (again after any change: undo may have rewritten it). */
export async function loadCommentary(period: string): Promise<void> {
  const ticket = commentaryTurn.next();
  if (useReport.getState().saved?.period !== period) useReport.setState({ saved: null, commentaryError: null });
  try {
    const saved = await call('report.commentary', { period });
    if (commentaryTurn.isCurrent(ticket)) useReport.setState({ saved, commentaryError: null });
  } catch (err) {
    if (commentaryTurn.isCurrent(ticket)) useReport.setState({ commentaryError: errorMessage(err) });
  }
}

/** The text the editor shows for the chosen period: the draft, else what is saved. */
export function commentaryText(state: Pick<ReportState, 'drafts' | 'saved'>, period: string): string {
  return state.drafts[period] ?? (state.saved?.period === period ? state.saved.text : '');
}

export function isCommentaryDirty(state: Pick<ReportState, 'drafts' | 'saved'>, period: string): boolean {
  const saved = state.saved?.period === period ? state.saved.text : null;
  // Before the saved text has loaded, any draft counts as unsaved.
  if (saved === null) return state.drafts[period] !== undefined && normaliseCommentary(state.drafts[period]) !== '';
  return commentaryDirty(state.drafts[period], saved);
}

/**
 * Saves the draft of a period, if it has one that differs from what is saved. An undoable change
 * like any other (Undo in the top bar takes it back). Resolves to false only when saving failed;
 * the draft is then kept.
 */
export async function saveCommentary(period: string, periodLabel: string): Promise<boolean> {
  const state = useReport.getState();
  const draft = state.drafts[period];
  if (draft === undefined) return true;
  if (!isCommentaryDirty(state, period) && state.saved?.period === period) {
    dropDraft(period, draft);
    return true;
  }
  useReport.setState({ savingCommentary: true });
  const outcome = await change(() => call('report.setCommentary', { period, text: draft }), { done: `Commentary for ${periodLabel} saved` });
  useReport.setState({ savingCommentary: false });
  if (!outcome.ok) return false;
  // The answer is what the workspace now holds: show it at once (no flash of the old text while
  // the refetch runs) and make any load still in flight stale.
  commentaryTurn.cancel();
  if (useReport.getState().period === period) useReport.setState({ saved: outcome.value });
  dropDraft(period, draft);
  return true;
}

/** Forgets a draft, unless the user typed on while it was being saved. */
function dropDraft(period: string, draft: string): void {
  useReport.setState((s) => {
    if (s.drafts[period] !== draft) return {};
    const { [period]: _dropped, ...rest } = s.drafts;
    return { drafts: rest };
  });
}
