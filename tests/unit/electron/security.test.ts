// E2: navigation, new windows, webviews, permissions and downloads are refused; only allowlisted
// schemes reach the operating system.
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appOrigin, isAppUrl, originOf } from '../../../electron/main/app-url';
import { hardenSession, hardenWebContents } from '../../../electron/main/security';

type Listener = (event: { url?: string; preventDefault(): void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const openExternal = vi.fn(() => Promise.resolve());
  hardenWebContents(contents as unknown as WebContents, { openExternal });
  const emit = (event: string, url?: string) => {
    const preventDefault = vi.fn();
    const all = listeners.get(event) ?? [];
    expect(all.length).toBeGreaterThan(0);
    for (const l of all) l({ url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return { emit, openExternal, windowOpen: (url: string) => openHandler!({ url }) };
}

const foreign = [
  'http://127.0.0.1.evil.com/',
  'https://app.example.com.evil/',
  'file:///etc/passwd',
  'file://app/index.html',
  'quartermaster://app.evil/index.html',
  'quartermaster://evil/index.html',
  'quartermaster://user:pw@app/index.html',
  'qm://app/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'not a url',
];

describe('app origin', () => {
  it('matches only the exact app origin', () => {
    expect(isAppUrl(`${appOrigin}/index.html#/budget`)).toBe(true);
    expect(isAppUrl(`${appOrigin}/assets/x.js?v=1`)).toBe(true);
    for (const url of foreign) expect(isAppUrl(url), url).toBe(false);
  });

  it('compares http origins exactly', () => {
    expect(originOf('http://127.0.0.1:5000/x')).toBe('http://127.0.0.1:5000');
    expect(originOf('http://127.0.0.1.evil.com:5000/x')).not.toBe('http://127.0.0.1:5000');
  });
});

describe('web contents hardening (E2)', () => {
  it('lets the app navigate within itself', () => {
    const { emit, openExternal } = fakeContents();
    expect(emit('will-navigate', `${appOrigin}/index.html#/org`)).toBe(false);
    expect(emit('will-frame-navigate', `${appOrigin}/index.html`)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks every foreign origin, including lookalikes', () => {
    const { emit } = fakeContents();
    for (const url of foreign) {
      expect(emit('will-navigate', url), url).toBe(true);
      expect(emit('will-frame-navigate', url), url).toBe(true);
      expect(emit('will-redirect', url), url).toBe(true);
    }
  });

  it('hands only web and mail links to the operating system', () => {
    const { emit, openExternal } = fakeContents();
    emit('will-navigate', 'https://example.com/help');
    emit('will-navigate', 'file:///etc/passwd');
    emit('will-navigate', 'smb://host/share');
    emit('will-navigate', 'javascript:alert(1)');
    expect(openExternal.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['https://example.com/help']);
  });

  it('denies every new window and opens allowlisted links externally', () => {
    const { windowOpen, openExternal } = fakeContents();
    for (const url of ['https://example.com/', 'mailto:ops@example.com', `${appOrigin}/index.html`, 'file:///etc/passwd', 'ms-settings:privacy', 'smb://h/s']) {
      expect(windowOpen(url), url).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['https://example.com/', 'mailto:ops@example.com']);
  });

  it('refuses to attach webviews', () => {
    const { emit } = fakeContents();
    expect(emit('will-attach-webview')).toBe(true);
  });
});

describe('session hardening (E2)', () => {
  it('denies every permission request and check, and downloads', () => {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((wc: unknown, permission: string) => boolean) | null = null;
    let device: (() => boolean) | null = null;
    let download: ((event: { preventDefault(): void }) => void) | null = null;
    const ses = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      setDevicePermissionHandler: (h: typeof device) => (device = h),
      on: (event: string, h: typeof download) => {
        if (event === 'will-download') download = h;
      },
    };
    hardenSession(ses as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'usb', 'unknown']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check!({}, permission), permission).toBe(false);
    }
    expect(device!()).toBe(false);
    const preventDefault = vi.fn();
    download!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });
});
