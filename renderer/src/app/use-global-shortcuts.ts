import { useEffect } from 'react';
import { redo, undo, useApp } from './store';
import { views } from './views';

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * App-wide keys. Ctrl+1…9 belong to the browser in serve mode, so views are Alt+1…7 or the
 * two-key sequences "g o", "g b", …. Undo/redo here act on the workspace history; inside a
 * text box the browser's own text undo wins.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    let pendingG = 0;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const app = useApp.getState();
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        app.setPaletteOpen(!app.paletteOpen);
        return;
      }
      if (modalOpen()) return;
      // In a field the keys are the field's: on macOS Option+digit types characters ([ ] | { }
      // on a German layout), so Alt+digit switches views only outside fields.
      if (isTyping(e.target)) return;
      if (e.altKey && !mod && /^Digit[1-9]$/.test(e.code)) {
        const view = views[Number(e.code.slice(5)) - 1];
        if (view) {
          e.preventDefault();
          app.setView(view.id);
        }
        return;
      }
      if (mod && !e.altKey) {
        const key = e.key.toLowerCase();
        if (key === 'z' && !e.shiftKey) {
          e.preventDefault();
          void undo();
        } else if ((key === 'z' && e.shiftKey) || key === 'y') {
          e.preventDefault();
          void redo();
        }
        return;
      }
      if (e.altKey) return;
      if (e.key === '?') {
        e.preventDefault();
        app.setHelpOpen(true);
        return;
      }
      if (pendingG && Date.now() - pendingG < 1200) {
        pendingG = 0;
        const view = views.find((v) => v.key === e.key.toLowerCase());
        if (view) {
          e.preventDefault();
          app.setView(view.id);
        }
        return;
      }
      if (e.key === 'g' && !e.shiftKey) pendingG = Date.now();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
