import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteProfile, listProfiles, requireProfile, setProfile } from '../../../electron/core/budget/seasonality-service';
import {
  createRateLookup,
  deleteRate,
  importRatesCsv,
  listRates,
  parseRateList,
  rateFor,
  requireRate,
  setRate,
} from '../../../electron/core/currency/rates-service';
import { historyState, redo, undo } from '../../../electron/core/history/history-service';
import { refusal } from '../../helpers/refusal';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

let t: TempWorkspace;
beforeEach(() => {
  t = tempWorkspace();
});
afterEach(() => t.cleanup());

describe('currency rates', () => {
  it('sets, replaces and deletes rates, each an undoable change with a telling label', () => {
    setRate(t.ctx, { currency: 'EUR', period: '2025-03', rate: '1.08' });
    expect(historyState(t.ctx).undoLabel).toBe('Set EUR rate for 2025-03 to 1.08');
    setRate(t.ctx, { currency: 'EUR', period: '2025-03', rate: '1.1' });
    setRate(t.ctx, { currency: 'GBP', period: '2025-03', rate: '1.27' });
    expect(listRates(t.ctx).map((r) => `${r.currency} ${r.period} ${r.rate}`)).toEqual(['EUR 2025-03 1.1', 'GBP 2025-03 1.27']);
    undo(t.ctx);
    undo(t.ctx);
    expect(rateFor(t.ctx, 'EUR', '2025-03')).toBe('1.08');
    expect(rateFor(t.ctx, 'GBP', '2025-03')).toBeNull();
    redo(t.ctx);
    const eur = listRates(t.ctx)[0]!;
    deleteRate(t.ctx, eur.id);
    expect(historyState(t.ctx).undoLabel).toBe('Delete EUR rate for 2025-03');
    expect(rateFor(t.ctx, 'EUR', '2025-03')).toBeNull();
    undo(t.ctx);
    expect(rateFor(t.ctx, 'EUR', '2025-03')).toBe('1.1');
  });

  it('the workspace currency needs no rate; a missing rate is refused naming the currency, month and how to add it', () => {
    expect(rateFor(t.ctx, 'USD', '2025-03')).toBe('1');
    expect(refusal(() => setRate(t.ctx, { currency: 'USD', period: '2025-03', rate: '1' })).message).toMatch(/workspace's own currency/);
    const missing = refusal(() => requireRate(t.ctx, 'EUR', '2025-03'));
    expect(missing.code).toBe('refused');
    expect(missing.message).toMatch(/^No EUR rate for 2025-03: add one in Settings → Currency rates, or `--rate EUR=1.08`/);
  });

  it('a lookup prefers rates given for the run, then the table', () => {
    setRate(t.ctx, { currency: 'EUR', period: '2025-03', rate: '1.08' });
    const lookup = createRateLookup(t.ctx, new Map([['GBP', '1.3']]));
    expect(lookup('EUR', '2025-03')).toEqual({ ok: true, rate: '1.08', source: 'table' });
    expect(lookup('GBP', '2025-07')).toEqual({ ok: true, rate: '1.3', source: 'given' });
    expect(lookup('USD', '2025-07')).toEqual({ ok: true, rate: '1', source: 'workspace' });
    expect(lookup('EUR', '2025-04')).toMatchObject({ ok: false, message: expect.stringMatching(/^No EUR rate for 2025-04/) });
    const parsed = parseRateList('EUR=1.08,gbp=1.270');
    expect(parsed.ok && [...parsed.rates]).toEqual([['EUR', '1.08'], ['GBP', '1.27']]);
    expect(parseRateList('EUR:1.08')).toMatchObject({ ok: false });
  });

  it('imports a rates CSV as one change, or refuses it whole naming every bad line', () => {
    const bad = refusal(() => importRatesCsv(t.ctx, 'currency,period,rate\nEUR,2025-01,1.08\nEURO,2025-02,1\nGBP,2025-13,1.2\nJPY,2025-01,-1\n'));
    expect(bad.message.split('\n')).toEqual([
      'rates.csv was not imported:',
      'line 3: "EURO" is not a currency code',
      'line 4: "2025-13" is not a period (YYYY-MM)',
      'line 5: "-1" is not a rate: write it as a positive decimal, e.g. 1.08',
    ]);
    expect(listRates(t.ctx)).toEqual([]);
    expect(importRatesCsv(t.ctx, 'EUR,2025-01,1.08\r\nEUR,2025-02,1.09\r\n"JPY","2025-01","0.0067"\n')).toEqual({ written: 3 });
    expect(historyState(t.ctx).undoLabel).toBe('Import 3 currency rates from rates.csv');
    expect(listRates(t.ctx).map((r) => r.rate)).toEqual(['1.08', '1.09', '0.0067']);
    undo(t.ctx);
    expect(listRates(t.ctx)).toEqual([]);
  });
});

describe('seasonality profiles', () => {
  const retail = [5, 5, 5, 5, 5, 5, 5, 5, 10, 15, 20, 15];
  it('adds, edits, renames and deletes profiles as undoable changes; names are unique ignoring case', () => {
    const p = setProfile(t.ctx, { name: 'Retail', weights: retail });
    expect(p).toMatchObject({ name: 'Retail', weights: retail });
    expect(refusal(() => setProfile(t.ctx, { name: 'retail', weights: retail })).code).toBe('conflict');
    setProfile(t.ctx, { id: p.id, name: 'Retail peak', weights: retail });
    expect(historyState(t.ctx).undoLabel).toBe('Rename seasonality profile Retail to Retail peak');
    expect(requireProfile(t.ctx, ' retail PEAK ').weights).toEqual(retail);
    deleteProfile(t.ctx, p.id);
    expect(listProfiles(t.ctx)).toEqual([]);
    undo(t.ctx);
    expect(listProfiles(t.ctx).map((x) => x.name)).toEqual(['Retail peak']);
    expect(refusal(() => requireProfile(t.ctx, 'Flat')).message).toBe('No seasonality profile "Flat": the workspace has "Retail peak".');
    expect(refusal(() => setProfile(t.ctx, { name: 'Zero', weights: new Array(12).fill(0) })).code).toBe('invalid_input');
  });
});
