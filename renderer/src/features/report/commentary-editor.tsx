import { useId } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { commentaryText, isCommentaryDirty, saveCommentary, useReport } from './report-store';
import { showDateTime } from '../../app/dates';

const maxChars = 20_000;

interface CommentaryEditorProps {
  period: string;
  periodLabel: string;
}

/**
 * The director's commentary for the chosen period, printed in the executive summary. Saved only
 * on Save or Ctrl+S (each save is one undoable change); the draft is kept per period meanwhile.
 */
export function CommentaryEditor({ period, periodLabel }: CommentaryEditorProps) {
  const id = useId();
  const text = useReport((s) => commentaryText(s, period));
  const dirty = useReport((s) => isCommentaryDirty(s, period));
  const loaded = useReport((s) => s.saved?.period === period);
  const updatedAt = useReport((s) => (s.saved?.period === period ? s.saved.updatedAt : null));
  const saving = useReport((s) => s.savingCommentary);
  const error = useReport((s) => s.commentaryError);
  const setDraft = useReport((s) => s.setDraft);

  const state = saving ? 'Saving…' : dirty ? 'Unsaved changes' : updatedAt ? `Saved ${when(updatedAt)}` : loaded ? 'Nothing written yet' : 'Loading…';

  return (
    <section className="commentary panel" aria-labelledby={`${id}-title`}>
      <header className="panel-header">
        <h2 id={`${id}-title`}>Commentary</h2>
        <span className={dirty ? 'badge dirty-badge' : 'muted commentary-state'} data-testid="commentary-state">
          {state}
        </span>
      </header>
      <div className="field">
        <label htmlFor={id}>Director’s commentary for {periodLabel}</label>
        <textarea
          id={id}
          value={text}
          maxLength={maxChars}
          rows={9}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setDraft(period, e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
              e.preventDefault();
              void saveCommentary(period, periodLabel);
            }
          }}
        />
        <span id={`${id}-hint`} className="field-hint">
          Printed in the executive summary. Blank lines start a new paragraph. Ctrl+S saves.
        </span>
      </div>
      <ErrorBanner message={error} />
      <div className="button-row">
        <button type="button" className="button" disabled={!dirty || saving} onClick={() => void saveCommentary(period, periodLabel)} aria-keyshortcuts="Control+S">
          Save commentary
        </button>
        {dirty ? (
          <button type="button" className="button ghost" disabled={saving} onClick={() => discard(period)}>
            Discard changes
          </button>
        ) : null}
      </div>
    </section>
  );
}

function discard(period: string): void {
  useReport.setState((s) => {
    const { [period]: _dropped, ...rest } = s.drafts;
    return { drafts: rest };
  });
}

function when(iso: string): string {
  return showDateTime(iso);
}
