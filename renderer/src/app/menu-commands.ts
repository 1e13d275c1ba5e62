/**
 * File › Import Spreadsheet… opens the Import view. The desktop Edit menu's Undo/Redo. Its accelerators (Ctrl+Z, Shift+Ctrl+Z) may reach the app as
 * a menu command instead of a keydown, so the page decides here what the key means where focus
 * is, the same way the keyboard handler does: the browser's own text undo inside a text field,
 * nothing behind an open dialog, the workspace history everywhere else.
 */
import type { MenuCommand } from '../../../shared/bridge';
import { onMenuCommand } from '../api';
import { redo, undo, useApp } from './store';
import { isTyping, modalOpen } from './use-global-shortcuts';

function run(command: MenuCommand): void {
  if (command === 'import') {
    if (!modalOpen()) useApp.getState().setView('import');
    return;
  }
  if (isTyping(document.activeElement)) {
    // The only way to ask the browser for its own text undo stack; there is no replacement API.
    document.execCommand(command);
    return;
  }
  if (modalOpen()) return;
  void (command === 'undo' ? undo() : redo());
}

/** Subscribes once at startup; in serve mode there is no menu and the keyboard handler covers it. */
export function listenToMenuCommands(): void {
  onMenuCommand(run);
}
