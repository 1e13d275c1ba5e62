/** The vendor register and the systems and sites processes depend on: list, add, edit, delete. */
import { useState } from 'react';
import type { Asset, AssetKind, Vendor } from '../../../../shared/continuity';
import { formatForEdit, formatMoney, parseAmount } from '../../../../shared/money';
import { call, useQuery } from '../../api';
import { change, useApp } from '../../app/store';
import { Dialog, useSubmitState } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { Field } from '../../components/field';
import { Segmented } from '../../components/segmented';
import { TableHead } from '../../components/table-head';
import { formatHours, hoursForEdit, parseHours } from './durations';
import { showDate } from '../../app/dates';
import { UsageDeleteDialog } from './usage-delete-dialog';
import { EditRemoveCell } from '../../components/row-actions';

type Section = 'vendor' | AssetKind;
const sections = [
  ['vendor', 'Vendors'],
  ['system', 'Systems'],
  ['site', 'Sites'],
] as const satisfies readonly (readonly [Section, string])[];

export function RegisterView() {
  const [section, setSection] = useState<Section>('vendor');
  return (
    <div className="cont-register">
      <div className="cont-toolbar">
        <Segmented label="Register" options={sections} value={section} onChange={setSection} />
      </div>
      {section === 'vendor' ? <VendorTable /> : <AssetTable kind={section} />}
    </div>
  );
}

function UsedBy({ names }: { names: string[] }) {
  if (names.length === 0) return <span className="muted">Not used</span>;
  return <span>{names.join(', ')}</span>;
}

function VendorTable() {
  const query = useQuery('continuity.vendors', {});
  const currency = useApp((s) => s.workspace?.currency ?? '');
  const [editing, setEditing] = useState<Vendor | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Vendor | null>(null);
  const vendors = query.data ?? [];
  return (
    <section className="panel" aria-label="Vendors">
      <header className="panel-header">
        <h3>Vendors <span className="muted">{vendors.length || ''}</span></h3>
        <button type="button" className="button primary" onClick={() => setEditing('new')}>
          Add vendor
        </button>
      </header>
      <ErrorBanner message={query.error} />
      <div className="table-wrap">
        <table className="data-table" aria-label="Vendor register">
          <TableHead columns={['Vendor', 'Service', 'Contact', 'Contract end', { label: `Annual spend (${currency})`, num: true }, { label: 'Recovery time', num: true }, 'Used by']} actions />
          <tbody>
            {vendors.map((v) => (
              <tr key={v.id} data-vendor={v.name}>
                <th scope="row">{v.name}</th>
                <td className="cont-wrap">{v.service}</td>
                <td className="cont-wrap">
                  {v.contactName || v.phone || v.email ? (
                    <span className="cont-contact">
                      {v.contactName ? <span>{v.contactName}</span> : null}
                      {v.phone || v.email ? <span className="muted">{[v.phone, v.email].filter(Boolean).join(' · ')}</span> : null}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="date">
                  {showDate(v.contractEnd)}
                  {v.contractEnded ? <span className="cont-gap sev-high cont-inline-badge">Ended</span> : null}
                </td>
                <td className="num">{v.annualSpendMinor === null ? '' : formatMoney(v.annualSpendMinor)}</td>
                <td className="num">{formatHours(v.recoveryHours)}</td>
                <td className="cont-wrap">
                  <UsedBy names={v.usedBy} />
                </td>
                <EditRemoveCell name={v.name} onEdit={() => setEditing(v)} onRemove={() => setDeleting(v)} />
              </tr>
            ))}
          </tbody>
        </table>
        {!query.loading && vendors.length === 0 ? <p className="empty-state cont-pad">No vendors yet. Add the suppliers your processes cannot run without.</p> : null}
      </div>
      {editing ? <VendorDialog vendor={editing === 'new' ? null : editing} currency={currency} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <UsageDeleteDialog
          kind="vendor"
          id={deleting.id}
          name={deleting.name}
          replacements={vendors.filter((v) => v.id !== deleting.id)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}

function VendorDialog({ vendor, currency, onClose }: { vendor: Vendor | null; currency: string; onClose: () => void }) {
  const [name, setName] = useState(vendor?.name ?? '');
  const [service, setService] = useState(vendor?.service ?? '');
  const [contact, setContact] = useState(vendor?.contactName ?? '');
  const [phone, setPhone] = useState(vendor?.phone ?? '');
  const [email, setEmail] = useState(vendor?.email ?? '');
  const [contractEnd, setContractEnd] = useState(vendor?.contractEnd ?? '');
  const [spend, setSpend] = useState(vendor?.annualSpendMinor != null ? formatForEdit(vendor.annualSpendMinor) : '');
  const [recovery, setRecovery] = useState(hoursForEdit(vendor?.recoveryHours));
  const { busy, error, run } = useSubmitState();
  const submit = () =>
    run(async () => {
      if (name.trim() === '') return 'Name the vendor.';
      const hours = parseHours(recovery);
      if (!hours.ok) return hours.message;
      const amount = parseAmount(spend);
      if (!amount.ok) return `Annual spend: ${amount.message}.`;
      const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
      const fields = {
        name: name.trim(),
        service: service.trim(),
        contactName: orNull(contact),
        phone: orNull(phone),
        email: orNull(email),
        contractEnd: contractEnd || null,
        annualSpendMinor: amount.minor,
        recoveryHours: hours.value,
      };
      const result = vendor
        ? await change(() => call('continuity.updateVendor', { id: vendor.id, ...fields }), { quiet: true, done: `Saved ${fields.name}` })
        : await change(() => call('continuity.createVendor', fields), { quiet: true, done: `Added ${fields.name}` });
      if (!result.ok) return result.message;
      onClose();
      return null;
    });
  return (
    <Dialog label={vendor ? `Edit ${vendor.name}` : 'Add vendor'} onClose={onClose} onSubmit={submit} submitLabel={vendor ? 'Save' : 'Add vendor'} busy={busy} error={error} wide>
      <div className="field-row">
        <Field label="Name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}</Field>
        <Field label="Service">{(p) => <input {...p} value={service} onChange={(e) => setService(e.target.value)} />}</Field>
      </div>
      <div className="field-row">
        <Field label="Contact name">{(p) => <input {...p} value={contact} onChange={(e) => setContact(e.target.value)} />}</Field>
        <Field label="Phone">{(p) => <input {...p} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />}</Field>
        <Field label="Email">{(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
      </div>
      <div className="field-row">
        <Field label="Contract end">{(p) => <input {...p} type="date" value={contractEnd} onChange={(e) => setContractEnd(e.target.value)} />}</Field>
        <Field label={`Annual spend (${currency})`}>{(p) => <input {...p} className="num" inputMode="decimal" value={spend} onChange={(e) => setSpend(e.target.value)} />}</Field>
        <Field label="Their stated recovery time" hint="e.g. 8 h, 2 d">
          {(p) => <input {...p} value={recovery} onChange={(e) => setRecovery(e.target.value)} />}
        </Field>
      </div>
    </Dialog>
  );
}

const assetWords: Record<AssetKind, { one: string; many: string }> = { system: { one: 'system', many: 'Systems' }, site: { one: 'site', many: 'Sites' } };

function AssetTable({ kind }: { kind: AssetKind }) {
  const query = useQuery('continuity.assets', { kind });
  const [editing, setEditing] = useState<Asset | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Asset | null>(null);
  const assets = (query.data ?? []).filter((a) => a.kind === kind);
  const words = assetWords[kind];
  return (
    <section className="panel" aria-label={words.many}>
      <header className="panel-header">
        <h3>{words.many} <span className="muted">{assets.length || ''}</span></h3>
        <button type="button" className="button primary" onClick={() => setEditing('new')}>
          Add {words.one}
        </button>
      </header>
      <ErrorBanner message={query.error} />
      <div className="table-wrap">
        <table className="data-table" aria-label={words.many}>
          <TableHead columns={['Name', 'Description', { label: 'Recovery time', num: true }, 'Used by']} actions />
          <tbody>
            {assets.map((a) => (
              <tr key={a.id} data-asset={a.name}>
                <th scope="row">{a.name}</th>
                <td className="cont-wrap">{a.description ?? ''}</td>
                <td className="num">{formatHours(a.recoveryHours)}</td>
                <td className="cont-wrap">
                  <UsedBy names={a.usedBy} />
                </td>
                <EditRemoveCell name={a.name} onEdit={() => setEditing(a)} onRemove={() => setDeleting(a)} />
              </tr>
            ))}
          </tbody>
        </table>
        {!query.loading && assets.length === 0 ? <p className="empty-state cont-pad">No {words.many.toLowerCase()} yet.</p> : null}
      </div>
      {editing ? <AssetDialog kind={kind} asset={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <UsageDeleteDialog
          kind="asset"
          id={deleting.id}
          name={deleting.name}
          replacements={assets.filter((a) => a.id !== deleting.id)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}

function AssetDialog({ kind, asset, onClose }: { kind: AssetKind; asset: Asset | null; onClose: () => void }) {
  const [name, setName] = useState(asset?.name ?? '');
  const [description, setDescription] = useState(asset?.description ?? '');
  const [recovery, setRecovery] = useState(hoursForEdit(asset?.recoveryHours));
  const { busy, error, run } = useSubmitState();
  const words = assetWords[kind];
  const submit = () =>
    run(async () => {
      if (name.trim() === '') return `Name the ${words.one}.`;
      const hours = parseHours(recovery);
      if (!hours.ok) return hours.message;
      const fields = { name: name.trim(), description: description.trim() === '' ? null : description.trim(), recoveryHours: hours.value };
      const result = asset
        ? await change(() => call('continuity.updateAsset', { id: asset.id, ...fields }), { quiet: true, done: `Saved ${fields.name}` })
        : await change(() => call('continuity.createAsset', { kind, ...fields }), { quiet: true, done: `Added ${fields.name}` });
      if (!result.ok) return result.message;
      onClose();
      return null;
    });
  return (
    <Dialog label={asset ? `Edit ${asset.name}` : `Add ${words.one}`} onClose={onClose} onSubmit={submit} submitLabel={asset ? 'Save' : `Add ${words.one}`} busy={busy} error={error}>
      <Field label="Name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}</Field>
      <Field label="Description">{(p) => <input {...p} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
      <Field label="Stated recovery time" hint="e.g. 8 h, 2 d">
        {(p) => <input {...p} value={recovery} onChange={(e) => setRecovery(e.target.value)} />}
      </Field>
    </Dialog>
  );
}
