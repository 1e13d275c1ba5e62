// The Edit menu's Undo/Redo go to the page as menu commands (the native roles would only ever
// undo text, never the workspace history).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { buildMenuTemplate } = await import('../../../electron/main/menu');

function editMenu(sent: string[]): MenuItemConstructorOptions[] {
  const noop = () => undefined;
  const template = buildMenuTemplate(
    { newWorkspace: noop, openWorkspace: noop, openRecent: noop, clearRecent: noop, saveCopy: noop, menuCommand: (c) => sent.push(c) },
    { recent: [], hasWorkspace: true, isPackaged: true, platform: 'linux' },
  );
  const edit = template.find((m) => m.label === 'Edit');
  return edit?.submenu as MenuItemConstructorOptions[];
}

describe('Edit menu', () => {
  it('has custom Undo/Redo items with the usual accelerators, not the native roles', () => {
    const items = editMenu([]);
    expect(items.some((i) => i.role === 'undo' || i.role === 'redo')).toBe(false);
    expect(items.find((i) => i.label === 'Undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(items.find((i) => i.label === 'Redo')?.accelerator).toBe('Shift+CmdOrCtrl+Z');
  });

  it('sends the command to the page when clicked', () => {
    const sent: string[] = [];
    const items = editMenu(sent);
    const click = (label: string) => (items.find((i) => i.label === label)?.click as () => void)();
    click('Undo');
    click('Redo');
    expect(sent).toEqual(['undo', 'redo']);
  });

  it('keeps the native clipboard roles', () => {
    const roles = editMenu([]).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
  });
});
