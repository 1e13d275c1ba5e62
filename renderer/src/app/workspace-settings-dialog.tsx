import { useState } from 'react';
import { defaultLocale, formatDate, localeChoices } from '../../../shared/date-format';
import { call } from '../api';
import { Dialog, useSubmitState } from '../components/dialog';
import { Field } from '../components/field';
import { change, useApp } from './store';

/** The workspace's name and how it shows dates (the locale), each an undoable change. */
export function WorkspaceSettingsDialog({ onClose }: { onClose: () => void }) {
  const workspace = useApp((s) => s.workspace);
  const [name, setName] = useState(workspace?.name ?? '');
  const [locale, setLocale] = useState(workspace?.locale ?? defaultLocale);
  const { busy, error, run } = useSubmitState();
  // A locale set outside this dialog (a restored file) is still offered.
  const choices = localeChoices.some((c) => c.tag === locale) ? localeChoices : [...localeChoices, { tag: locale, label: locale }];
  const submit = () =>
    run(async () => {
      if (name.trim() === '') return 'Give the workspace a name.';
      const result = await change(() => call('workspace.update', { name: name.trim(), locale }), { quiet: true, done: 'Workspace settings saved' });
      if (!result.ok) return result.message;
      onClose();
      return null;
    });
  return (
    <Dialog label="Workspace settings" onClose={onClose} onSubmit={submit} submitLabel="Save" busy={busy} error={error}>
      <Field label="Name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}</Field>
      <Field label="Dates" hint={`Shown on screen and in the board pack as ${formatDate('2026-12-07', locale, 'medium')}.`}>
        {(p) => (
          <select {...p} value={locale} onChange={(e) => setLocale(e.target.value)}>
            {choices.map((c) => (
              <option key={c.tag} value={c.tag}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </Dialog>
  );
}
