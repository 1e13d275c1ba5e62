import { useState } from 'react';
import { accountTypes, type Account, type AccountType } from '../../../../shared/budget';
import { call } from '../../api';
import { change } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { Field } from '../../components/field';
import { typeLabels } from '../budget/grid-lines';

export function AccountDialog({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const [code, setCode] = useState(account?.code ?? '');
  const [name, setName] = useState(account?.name ?? '');
  const [type, setType] = useState<AccountType>(account?.type ?? 'expense');
  const { busy, error, run } = useSubmitState();
  const submit = () =>
    run(async () => {
      if (code.trim() === '') return 'Give the account a code, such as 6150.';
      if (name.trim() === '') return 'Give the account a name.';
      const fields = { code: code.trim(), name: name.trim(), type };
      const result = account
        ? await change(() => call('accounts.update', { id: account.id, ...fields }), { quiet: true, done: `Saved ${fields.code} ${fields.name}` })
        : await change(() => call('accounts.create', fields), { quiet: true, done: `Added ${fields.code} ${fields.name}` });
      if (!result.ok) return result.message;
      onClose();
      return null;
    });
  return (
    <Dialog
      label={account ? `Edit account ${account.code}` : 'Add account'}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={account ? 'Save' : 'Add account'}
      busy={busy}
      error={error}
    >
      <div className="field-row">
        <Field label="Code">{(p) => <input {...p} value={code} onChange={(e) => setCode(e.target.value)} autoFocus />}</Field>
        <Field label="Name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      </div>
      <Field label="Type">
        {(p) => (
          <select {...p} value={type} onChange={(e) => setType(accountTypes.find((t) => t === e.target.value) ?? 'expense')}>
            {accountTypes.map((t) => (
              <option key={t} value={t}>
                {typeLabels[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </Dialog>
  );
}
