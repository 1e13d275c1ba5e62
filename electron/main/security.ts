/**
 * What a web page inside the app may not do (E2): navigate away from the app, open windows,
 * embed webviews, ask for permissions or download files. Links to the web go to the user's
 * browser, and only for an allowlist of schemes.
 */
import type { Session, WebContents } from 'electron';
import { createLogger } from '../core/log';
import { isAppUrl, isExternalAllowed } from './app-url';

const log = createLogger('security');

export interface SecurityDeps {
  openExternal(url: string): Promise<void>;
}

interface Preventable {
  preventDefault(): void;
}

/** Decides one navigation: the app's own pages pass; anything else is stopped, and web links go to the browser. */
export function guardNavigation(event: Preventable, url: string, deps: SecurityDeps): void {
  if (isAppUrl(url)) return;
  event.preventDefault();
  if (isExternalAllowed(url)) {
    deps.openExternal(url).catch((err: unknown) => log.warn('could not open link externally', err));
  } else {
    log.warn(`blocked navigation to ${url.slice(0, 200)}`);
  }
}

export function hardenWebContents(contents: WebContents, deps: SecurityDeps): void {
  contents.on('will-navigate', (event) => guardNavigation(event, event.url, deps));
  contents.on('will-frame-navigate', (event) => guardNavigation(event, event.url, deps));
  contents.on('will-redirect', (event) => guardNavigation(event, event.url, deps));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalAllowed(url)) {
      deps.openExternal(url).catch((err: unknown) => log.warn('could not open link externally', err));
    }
    return { action: 'deny' };
  });
}

/**
 * Every permission is refused: the workspace needs no camera, location, notifications or
 * clipboard-read. Copy in the grid goes through the DOM copy event, which needs no permission.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}
