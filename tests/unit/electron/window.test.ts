// E1: the main window is created isolated, sandboxed and without Node in the page.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const recorded = vi.hoisted(() => ({ options: [] as unknown[], urls: [] as string[], listeners: [] as string[] }));

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      recorded.options.push(options);
    }
    on(event: string) {
      recorded.listeners.push(event);
      return this;
    }
    once(event: string) {
      recorded.listeners.push(event);
      return this;
    }
    loadURL(url: string) {
      recorded.urls.push(url);
      return Promise.resolve();
    }
  },
}));

const { createMainWindow, windowTitle } = await import('../../../electron/main/window');
const { appOrigin } = await import('../../../electron/main/app-url');

interface Recorded {
  title: string;
  webPreferences: Record<string, unknown>;
}

describe('main window (E1)', () => {
  beforeEach(() => {
    recorded.options.length = 0;
    recorded.urls.length = 0;
    recorded.listeners.length = 0;
  });

  it('locks down webPreferences', () => {
    createMainWindow('/app/out/preload/index.cjs', windowTitle('Larkspur Freight'));
    expect(recorded.options).toHaveLength(1);
    const { webPreferences, title } = recorded.options[0] as Recorded;
    expect(title).toBe('Larkspur Freight — Quartermaster');
    expect(webPreferences.contextIsolation).toBe(true);
    expect(webPreferences.sandbox).toBe(true);
    expect(webPreferences.nodeIntegration).toBe(false);
    expect(webPreferences.nodeIntegrationInWorker).toBe(false);
    expect(webPreferences.nodeIntegrationInSubFrames).toBe(false);
    expect(webPreferences.webviewTag).toBe(false);
    expect(webPreferences.preload).toBe('/app/out/preload/index.cjs');
    // Never weakened: these keep their secure defaults or are set to them explicitly.
    expect(webPreferences.webSecurity ?? true).toBe(true);
    expect(webPreferences.allowRunningInsecureContent ?? false).toBe(false);
    expect(webPreferences.experimentalFeatures ?? false).toBe(false);
    expect(webPreferences.enableBlinkFeatures).toBeUndefined();
    expect(webPreferences.disableBlinkFeatures).toBe('Auxclick');
    expect(webPreferences.navigateOnDragDrop).toBe(false);
  });

  it('loads the app from its own origin, not from file://', () => {
    createMainWindow('/p.cjs', 'Quartermaster');
    expect(recorded.urls).toHaveLength(1);
    expect(recorded.urls[0]!.startsWith(`${appOrigin}/`)).toBe(true);
    expect(recorded.listeners).toContain('page-title-updated');
  });

  it('names the workspace in the title, or just the app', () => {
    expect(windowTitle(null)).toBe('Quartermaster');
    expect(windowTitle('Acme')).toBe('Acme — Quartermaster');
    expect(windowTitle('Acme', true)).toBe('Acme (read-only) — Quartermaster');
  });
});
