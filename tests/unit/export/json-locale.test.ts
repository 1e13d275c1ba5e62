// The workspace's date locale travels in the JSON export: written, restored, optional when read
// (files written before it restore as en-GB), and checked by the app's own rule.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportJson } from '../../../electron/core/export/json-export';
import { readExportDocument, restoreWorkspace } from '../../../electron/core/export/json-restore';
import { openSession } from '../../../electron/core/session';
import { getWorkspaceInfo, updateWorkspace } from '../../../electron/core/workspace/workspace-service';
import { refusal } from '../../helpers/refusal';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

let t: TempWorkspace;
beforeEach(() => {
  t = tempWorkspace();
});
afterEach(() => t.cleanup());

function restoredLocale(doc: unknown, name: string): string {
  const target = join(t.dir, name);
  restoreWorkspace(target, readExportDocument(doc, 'x.json').doc);
  const session = openSession(target);
  try {
    return getWorkspaceInfo(session.ctx).locale;
  } finally {
    session.close();
  }
}

describe('the locale in the JSON export', () => {
  it('is written and comes back from a restore', () => {
    updateWorkspace(t.ctx, { locale: 'en-US' });
    const doc = JSON.parse(JSON.stringify(exportJson(t.ctx))) as { workspace: { locale?: string } };
    expect(doc.workspace.locale).toBe('en-US');
    expect(restoredLocale(doc, 'a.sqlite')).toBe('en-US');
  });

  it('is optional when read: an older file restores as en-GB', () => {
    updateWorkspace(t.ctx, { locale: 'en-US' });
    const doc = JSON.parse(JSON.stringify(exportJson(t.ctx))) as { workspace: Record<string, unknown> };
    delete doc.workspace.locale;
    expect(restoredLocale(doc, 'b.sqlite')).toBe('en-GB');
  });

  it('is refused when the app would refuse it', () => {
    const doc = JSON.parse(JSON.stringify(exportJson(t.ctx))) as { workspace: Record<string, unknown> };
    doc.workspace.locale = 'not a locale!';
    expect(refusal(() => readExportDocument(doc, 'x.json')).message).toMatch(/locale/);
  });
});
