// Exchange rates and seasonality profiles in the JSON export: written sorted, checked by the
// export's schema, restored exactly; optional when read (files written before them).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setProfile } from '../../../electron/core/budget/seasonality-service';
import { setRate } from '../../../electron/core/currency/rates-service';
import { exportJson } from '../../../electron/core/export/json-export';
import { readExportDocument, restoreWorkspace } from '../../../electron/core/export/json-restore';
import { openSession } from '../../../electron/core/session';
import { workspaceExportSchema } from '../../../shared/export';
import { refusal } from '../../helpers/refusal';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

let t: TempWorkspace;
beforeEach(() => {
  t = tempWorkspace({ init: { name: 'Larkspur Freight', currency: 'USD', fiscalYearStartMonth: 4 } });
});
afterEach(() => t.cleanup());

const flat = new Array<number>(12).fill(1);
const retail = [5, 5, 5, 5, 5, 5, 5, 5, 10, 15, 20, 15];

function seed(): void {
  setRate(t.ctx, { currency: 'GBP', period: '2026-02', rate: '1.27' });
  setRate(t.ctx, { currency: 'EUR', period: '2026-03', rate: '1.08' });
  setRate(t.ctx, { currency: 'EUR', period: '2026-01', rate: '1.1' });
  setProfile(t.ctx, { name: 'Retail', weights: retail });
  setProfile(t.ctx, { name: 'Flat', weights: flat });
}

describe('rates and profiles in the JSON export', () => {
  it('are written sorted, and pass the schema', () => {
    expect(exportJson(t.ctx)).toMatchObject({ currencyRates: [], seasonalityProfiles: [] });
    seed();
    const e = exportJson(t.ctx);
    expect(e.currencyRates).toEqual([
      { currency: 'EUR', period: '2026-01', rate: '1.1' },
      { currency: 'EUR', period: '2026-03', rate: '1.08' },
      { currency: 'GBP', period: '2026-02', rate: '1.27' },
    ]);
    expect(e.seasonalityProfiles).toEqual([
      { name: 'Flat', weights: flat },
      { name: 'Retail', weights: retail },
    ]);
    expect(workspaceExportSchema.parse(e)).toEqual(e);
  });

  it('come back from a restore exactly', () => {
    seed();
    const before = exportJson(t.ctx);
    const target = join(t.dir, 'restored.sqlite');
    restoreWorkspace(target, readExportDocument(JSON.parse(JSON.stringify(before)), 'x.json').doc);
    const session = openSession(target);
    try {
      expect(exportJson(session.ctx)).toEqual(before);
    } finally {
      session.close();
    }
  });

  it('are optional when read', () => {
    const { currencyRates: _r, seasonalityProfiles: _p, ...older } = exportJson(t.ctx);
    expect(readExportDocument(older, 'older.json').doc).toEqual(older);
  });

  it('refuses a repeated rate, a rate for the workspace currency, a bad rate and a bad profile, naming them', () => {
    const doc = exportJson(t.ctx);
    const read = (patch: object) => refusal(() => readExportDocument({ ...doc, ...patch }, 'x.json')).message;
    const eur = { currency: 'EUR', period: '2026-01', rate: '1.1' };
    expect(read({ currencyRates: [eur, eur] })).toMatch(/currencyRates\[1\].*the EUR rate for 2026-01 appears twice/);
    expect(read({ currencyRates: [{ ...eur, currency: 'USD' }] })).toMatch(/USD is the workspace's own currency/);
    expect(read({ currencyRates: [{ ...eur, rate: '-1' }] })).toMatch(/currencyRates\[0\]\.rate/);
    expect(read({ seasonalityProfiles: [{ name: 'Short', weights: [1, 2] }] })).toMatch(/seasonalityProfiles\[0\].*weights/);
    expect(read({ seasonalityProfiles: [{ name: 'A', weights: flat }, { name: 'a', weights: flat }] })).toMatch(/seasonality profile "a" appears twice/);
  });
});
