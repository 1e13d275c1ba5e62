import { useState, type FormEvent } from 'react';
import { call } from '../../api';
import { change } from '../../app/store';
import { Field } from '../../components/field';

interface CoverSettingsProps {
  preparedBy: string;
  confidentiality: string;
}

/**
 * "Prepared by" and the confidentiality line: workspace settings printed on every pack's cover.
 * Saved together on Save (or Enter), as one undoable change.
 */
export function CoverSettings({ preparedBy, confidentiality }: CoverSettingsProps) {
  // The fields start from what is saved and follow it (after an undo, say) until the user types.
  const [edit, setEdit] = useState<{ preparedBy: string; confidentiality: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const values = edit ?? { preparedBy, confidentiality };
  const dirty = edit !== null && (edit.preparedBy.trim() !== preparedBy || edit.confidentiality.trim() !== confidentiality);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty || saving) return;
    setSaving(true);
    const outcome = await change(() => call('report.setSettings', values), { done: 'Cover details saved' });
    setSaving(false);
    if (outcome.ok) setEdit(null);
  };

  return (
    <form className="cover-settings" onSubmit={(e) => void submit(e)} noValidate aria-label="Cover details">
      <Field label="Prepared by" hint="Printed on the cover, e.g. “Dana Whitfield, Director of Operations”.">
        {(props) => (
          <input {...props} value={values.preparedBy} maxLength={200} onChange={(e) => setEdit({ ...values, preparedBy: e.target.value })} />
        )}
      </Field>
      <Field label="Confidentiality line">
        {(props) => (
          <input {...props} value={values.confidentiality} maxLength={300} onChange={(e) => setEdit({ ...values, confidentiality: e.target.value })} />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={!dirty || saving}>
          Save cover details
        </button>
        {dirty ? (
          <button type="button" className="button ghost" disabled={saving} onClick={() => setEdit(null)}>
            Discard changes
          </button>
        ) : null}
      </div>
    </form>
  );
}
