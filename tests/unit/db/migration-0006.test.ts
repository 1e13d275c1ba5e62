// Migration 0006 on a workspace with rows in it: the locale, the notes, the rates, profiles and
// remembered matches arrive; every row is kept; the new checks refuse what the app never writes.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../electron/core/db/migrations';
import { openWorkspace } from '../../../electron/core/db/open-workspace';

const fixedNow = () => new Date('2026-11-21T12:00:00Z');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qm-0006-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0006', () => {
  it('upgrades a version 6 workspace with figures in it, keeping every row', () => {
    const all = loadMigrations();
    const index = all.findIndex((m) => m.tag.startsWith('0006_'));
    expect(index).toBe(6);
    const path = join(dir, 'ws.sqlite');
    const old = openWorkspace(path, { create: true, now: fixedNow, migrations: all.slice(0, index) });
    old.sqlite.exec(`
      INSERT INTO workspace (id, name, currency, fiscal_year_start_month, created_at) VALUES (1, 'Acme', 'USD', 4, 'x');
      INSERT INTO departments (id, code, name, created_at, updated_at) VALUES ('d1', '410', 'Sales', 'x', 'x');
      INSERT INTO accounts (id, code, name, type, active, created_at, updated_at) VALUES ('a1', '4000', 'Revenue', 'revenue', 1, 'x', 'x');
      INSERT INTO plans (id, name, fiscal_year, scenario, status, created_at, updated_at) VALUES ('p1', 'FY2027 · Base', 2027, 'Base', 'draft', 'x', 'x');
      INSERT INTO budget_lines (id, plan_id, department_id, account_id, period, amount_minor, source, updated_at) VALUES ('b1', 'p1', 'd1', 'a1', '2026-04', 12345, NULL, 'x');
      INSERT INTO actuals (id, department_id, account_id, period, amount_minor, source, updated_at) VALUES ('x1', 'd1', 'a1', '2026-04', 999, 'f.csv!S!B2', 'x');
    `);
    old.close();

    const ws = openWorkspace(path, { now: fixedNow, migrations: all });
    try {
      const db = ws.sqlite;
      expect(db.pragma('user_version', { simple: true })).toBe(all.length);
      expect(db.prepare('SELECT name, locale FROM workspace').get()).toEqual({ name: 'Acme', locale: 'en-GB' });
      expect(db.prepare('SELECT id, amount_minor, note FROM budget_lines').all()).toEqual([{ id: 'b1', amount_minor: 12345, note: null }]);
      expect(db.prepare('SELECT id, source, note FROM actuals').all()).toEqual([{ id: 'x1', source: 'f.csv!S!B2', note: null }]);
      // Added by ALTER TABLE, so last: row images are written in the schema's column order.
      const columns = (table: string) => (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
      expect(columns('budget_lines').at(-1)).toBe('note');
      expect(columns('actuals').at(-1)).toBe('note');
      expect(columns('workspace').at(-1)).toBe('locale');

      db.prepare("INSERT INTO currency_rates (id, currency, period, rate, updated_at) VALUES ('r1', 'EUR', '2026-04', '1.08', 'x')").run();
      expect(() => db.prepare("INSERT INTO currency_rates (id, currency, period, rate, updated_at) VALUES ('r2', 'EUR', '2026-04', '1.1', 'x')").run()).toThrow(/UNIQUE/);
      expect(() => db.prepare("INSERT INTO currency_rates (id, currency, period, rate, updated_at) VALUES ('r3', 'eur', '2026-05', '1.1', 'x')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO currency_rates (id, currency, period, rate, updated_at) VALUES ('r4', 'EUR', 'May 2026', '1.1', 'x')").run()).toThrow(/CHECK/);
      db.prepare("INSERT INTO seasonality_profiles (id, name, weights, updated_at) VALUES ('s1', 'Retail', '[1,1,1,1,1,1,1,1,1,2,3,4]', 'x')").run();
      expect(() => db.prepare("INSERT INTO seasonality_profiles (id, name, weights, updated_at) VALUES ('s2', 'Retail', '[]', 'x')").run()).toThrow(/UNIQUE/);
      db.prepare("INSERT INTO import_entity_matches (source_key, kind, name_key, target_code, updated_at) VALUES ('k', 'department', 'sales', '410', 'x')").run();
      expect(() => db.prepare("INSERT INTO import_entity_matches (source_key, kind, name_key, target_code, updated_at) VALUES ('k', 'department', 'sales', '420', 'x')").run()).toThrow(/UNIQUE|PRIMARY/);
      expect(() => db.prepare("INSERT INTO import_entity_matches (source_key, kind, name_key, target_code, updated_at) VALUES ('k', 'vendor', 'x', '1', 'x')").run()).toThrow(/CHECK/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      ws.close();
    }
    // The file reads as a current workspace to a fresh connection too.
    const again = new Database(path, { readonly: true });
    expect(again.prepare('SELECT count(*) FROM budget_lines').pluck().get()).toBe(1);
    again.close();
  });
});
