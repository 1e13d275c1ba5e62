// The board pack's settings and commentary in the JSON export (`report`): written from what the
// Reports view writes, sorted by period, checked by the export's schema, and restored exactly.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportJson } from '../../../electron/core/export/json-export';
import { readExportDocument, restoreWorkspace } from '../../../electron/core/export/json-restore';
import { setCommentary, setReportSettings } from '../../../electron/core/report/report-settings';
import { openSession } from '../../../electron/core/session';
import { workspaceExportSchema } from '../../../shared/export';
import { refusal } from '../../helpers/refusal';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

let t: TempWorkspace;
beforeEach(() => {
  t = tempWorkspace({ init: { name: 'Larkspur Freight', currency: 'EUR', fiscalYearStartMonth: 4 } });
});
afterEach(() => t.cleanup());

const defaultConfidentiality = 'Confidential. Prepared for the board of directors; not for distribution.';

describe('report in the JSON export', () => {
  it('is written with the defaults and no commentary in a new workspace', () => {
    expect(exportJson(t.ctx).report).toEqual({ preparedBy: '', confidentiality: defaultConfidentiality, commentary: [] });
  });

  it('holds the settings and the commentary, sorted by period, and passes the schema', () => {
    // Written out of order; an emptied commentary is gone and is not exported.
    setCommentary(t.ctx, { period: 'FY2027', text: 'The year.' });
    setCommentary(t.ctx, { period: '2026-Q3', text: 'The quarter.\r\nSecond line.  ' });
    setCommentary(t.ctx, { period: '2026-09', text: 'The month.' });
    setCommentary(t.ctx, { period: '2026-10', text: 'Withdrawn.' });
    setCommentary(t.ctx, { period: '2026-10', text: '' });
    setReportSettings(t.ctx, { preparedBy: 'Dana Whitfield', confidentiality: 'Board only.' });
    const e = exportJson(t.ctx);
    expect(Object.keys(e).at(-1)).toBe('report');
    expect(e.report).toEqual({
      preparedBy: 'Dana Whitfield',
      confidentiality: 'Board only.',
      commentary: [
        { period: '2026-09', text: 'The month.', updatedAt: '2026-11-21T12:00:00.000Z' },
        { period: '2026-Q3', text: 'The quarter.\nSecond line.', updatedAt: '2026-11-21T12:00:00.000Z' },
        { period: 'FY2027', text: 'The year.', updatedAt: '2026-11-21T12:00:00.000Z' },
      ],
    });
    expect(workspaceExportSchema.parse(e)).toEqual(e);
  });

  it('comes back from a restore exactly, in one new workspace with nothing to undo', () => {
    setCommentary(t.ctx, { period: '2026-Q3', text: 'hasOwnProperty' });
    setReportSettings(t.ctx, { preparedBy: '__proto__', confidentiality: '' });
    const before = exportJson(t.ctx);
    const target = join(t.dir, 'restored.sqlite');
    restoreWorkspace(target, readExportDocument(JSON.parse(JSON.stringify(before)), 'x.json').doc);
    const session = openSession(target);
    try {
      expect(exportJson(session.ctx)).toEqual(before);
      expect(session.ctx.db.$client.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(0);
    } finally {
      session.close();
    }
  });

  it('is optional when read: a version 2 document without it is accepted as it is', () => {
    const { report: _report, ...older } = exportJson(t.ctx);
    expect(readExportDocument(older, 'older.json').doc).toEqual(older);
  });

  it.each([
    ['2026-13', /report\.commentary\[0\]\.period: "2026-13" is not a period: write a month \(2026-09\), a quarter \(2026-Q3\) or a fiscal year \(FY2026\)/],
    ['FY26', /report\.commentary\[0\]\.period: "FY26" is not a period/],
    ['constructor', /report\.commentary\[0\]\.period: "constructor" is not a period/],
    ['2026-09 ', /report\.commentary\[0\]\.period: "2026-09 " is not a period/],
  ])('refuses the period key %j, naming it', (period, message) => {
    const doc = { ...exportJson(t.ctx), report: { preparedBy: '', confidentiality: '', commentary: [{ period, text: 'x', updatedAt: '2026-11-21T12:00:00.000Z' }] } };
    const err = refusal(() => readExportDocument(JSON.parse(JSON.stringify(doc)), 'bad.json'));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/^bad\.json cannot be restored: .* Nothing was written\.$/);
  });

  it('refuses a period given twice and a timestamp that is not one', () => {
    const entry = { text: 'x', updatedAt: '2026-11-21T12:00:00.000Z' };
    const twice = { ...exportJson(t.ctx), report: { preparedBy: '', confidentiality: '', commentary: [{ period: 'FY2027', ...entry }, { period: 'FY2027', ...entry }] } };
    expect(refusal(() => readExportDocument(twice, 'twice.json')).message).toMatch(/report\.commentary\[1\]\.period: the commentary for FY2027 appears twice/);
    const stamp = { ...exportJson(t.ctx), report: { preparedBy: '', confidentiality: '', commentary: [{ period: 'FY2027', text: 'x', updatedAt: 'yesterday' }] } };
    expect(refusal(() => readExportDocument(stamp, 'stamp.json')).message).toMatch(/report\.commentary\[0\]\.updatedAt: /);
  });
});
