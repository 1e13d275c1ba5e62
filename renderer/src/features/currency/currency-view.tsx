import { useRef, useState } from 'react';
import type { CurrencyRate, SeasonalityProfile } from '../../../../shared/currency';
import { parseRate } from '../../../../shared/currency';
import { call, useQuery } from '../../api';
import { change, useApp } from '../../app/store';
import { ErrorBanner } from '../../components/error-banner';
import { TableHead } from '../../components/table-head';
import { fiscalMonthNames, ProfileDialog } from './profile-dialog';
import '../../styles/settings.css';

/**
 * Settings for figures that come from elsewhere: exchange rates (per currency and month, in the
 * workspace's currency per foreign unit) and named seasonality profiles for spreading annual
 * figures. Every edit is an undoable change.
 */
export function CurrencyView() {
  return (
    <section className="view" aria-label="Settings">
      <header className="view-header">
        <div className="view-title">
          <h1>Settings</h1>
          <p className="view-subtitle">Currency rates convert imported figures in other currencies; seasonality profiles spread annual figures over months.</p>
        </div>
      </header>
      <RatesSection />
      <ProfilesSection />
    </section>
  );
}

function RatesSection() {
  const query = useQuery('currency.listRates', {});
  const currency = useApp((s) => s.workspace?.currency ?? '');
  const [draft, setDraft] = useState({ currency: '', period: '', rate: '' });
  const [formError, setFormError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const add = async () => {
    const code = draft.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) return setFormError('Write the currency as its three-letter code, e.g. EUR.');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(draft.period)) return setFormError('Choose the month the rate is for.');
    const rate = parseRate(draft.rate);
    if (!rate.ok) return setFormError(`${rate.message[0]!.toUpperCase()}${rate.message.slice(1)}.`);
    const result = await change(() => call('currency.setRate', { currency: code, period: draft.period, rate: rate.rate }), {
      quiet: true,
      done: `${code} rate for ${draft.period} set to ${rate.rate}`,
    });
    if (!result.ok) return setFormError(result.message);
    setFormError(null);
    setDraft({ currency: code, period: '', rate: '' });
  };

  const importFile = async (file: File) => {
    const csv = await file.text();
    await change(() => call('currency.importRates', { csv, fileName: file.name }), { done: (r) => `${r.written} rate${r.written === 1 ? '' : 's'} imported from ${file.name}` });
  };

  return (
    <section className="settings-section" aria-label="Currency rates">
      <header className="section-header">
        <h2>Currency rates</h2>
        <p className="view-subtitle">
          How many {currency || 'workspace-currency'} units one unit of the currency is worth in a month. Imports in a currency with no rate for their month are refused, never summed.
        </p>
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>
          Import rates CSV…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          hidden
          aria-label="Rates CSV file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </header>
      <ErrorBanner message={query.error} />
      <form
        className="inline-form"
        aria-label="Add a rate"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label>
          Currency <input value={draft.currency} maxLength={3} size={4} onChange={(e) => setDraft({ ...draft, currency: e.target.value })} placeholder="EUR" />
        </label>
        <label>
          Month <input type="month" value={draft.period} onChange={(e) => setDraft({ ...draft, period: e.target.value })} />
        </label>
        <label>
          Rate <input inputMode="decimal" value={draft.rate} size={10} onChange={(e) => setDraft({ ...draft, rate: e.target.value })} placeholder="1.08" />
        </label>
        <button type="submit" className="button primary">
          Set rate
        </button>
        {formError ? (
          <span className="field-error" role="alert">
            {formError}
          </span>
        ) : null}
      </form>
      <div className="table-wrap">
        <table className="data-table" aria-label="Currency rates">
          <TableHead columns={['Currency', 'Month', `Rate (${currency} per unit)`]} actions />
          <tbody>
            {(query.data ?? []).map((r) => (
              // Keyed by the rate too: an undo or an import that changes it shows the stored value, not a stale edit.
              <RateRow key={`${r.id} ${r.rate}`} rate={r} />
            ))}
            {query.data?.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  No rates yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function RateRow({ rate }: { rate: CurrencyRate }) {
  const [text, setText] = useState(rate.rate);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (text.trim() === rate.rate) return;
    const parsed = parseRate(text);
    if (!parsed.ok) return setError(parsed.message);
    setError(null);
    const result = await change(() => call('currency.setRate', { currency: rate.currency, period: rate.period, rate: parsed.rate }), {
      done: `${rate.currency} rate for ${rate.period} set to ${parsed.rate}`,
    });
    if (result.ok) setText(parsed.rate);
  };
  return (
    <tr data-rate={`${rate.currency} ${rate.period}`}>
      <td className="code">{rate.currency}</td>
      <td>{rate.period}</td>
      <td>
        <input
          aria-label={`${rate.currency} rate for ${rate.period}`}
          aria-invalid={error ? true : undefined}
          title={error ?? undefined}
          inputMode="decimal"
          value={text}
          size={12}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void save()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') setText(rate.rate);
          }}
        />
        {error ? <span className="field-error"> {error}</span> : null}
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="button small"
          aria-label={`Delete ${rate.currency} rate for ${rate.period}`}
          onClick={() => void change(() => call('currency.deleteRate', { id: rate.id }), { done: `${rate.currency} rate for ${rate.period} deleted` })}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

function ProfilesSection() {
  const query = useQuery('seasonality.listProfiles', {});
  const fiscalStartMonth = useApp((s) => s.workspace?.fiscalYearStartMonth ?? 1);
  const [editing, setEditing] = useState<SeasonalityProfile | 'new' | null>(null);
  const months = fiscalMonthNames(fiscalStartMonth);
  return (
    <section className="settings-section" aria-label="Seasonality profiles">
      <header className="section-header">
        <h2>Seasonality profiles</h2>
        <p className="view-subtitle">Twelve relative weights, in fiscal order, to spread an annual or quarterly figure by.</p>
        <button type="button" className="button primary" onClick={() => setEditing('new')}>
          Add profile
        </button>
      </header>
      <ErrorBanner message={query.error} />
      <div className="table-wrap">
        <table className="data-table" aria-label="Seasonality profiles">
          <TableHead columns={['Name', ...months]} actions />
          <tbody>
            {(query.data ?? []).map((p) => {
              const total = p.weights.reduce((a, b) => a + b, 0);
              return (
                <tr key={p.id} data-profile={p.name}>
                  <th scope="row">{p.name}</th>
                  {p.weights.map((w, i) => (
                    <td key={i} className="num" title={total > 0 ? `${((100 * w) / total).toFixed(1)} % of the year` : undefined}>
                      {w}
                    </td>
                  ))}
                  <td className="row-actions">
                    <button type="button" className="button small" aria-label={`Edit ${p.name}`} onClick={() => setEditing(p)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button small"
                      aria-label={`Delete ${p.name}`}
                      onClick={() => void change(() => call('seasonality.deleteProfile', { id: p.id }), { done: `Seasonality profile ${p.name} deleted` })}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
            {query.data?.length === 0 ? (
              <tr>
                <td colSpan={14} className="muted">
                  No profiles yet: annual figures can still be spread evenly or by last year&rsquo;s actuals.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {editing ? <ProfileDialog profile={editing === 'new' ? null : editing} fiscalStartMonth={fiscalStartMonth} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
