/**
 * The quartermaster:// scheme that serves the built renderer inside the desktop app, from the same
 * resolver and with the same headers (CSP included) as serve mode.
 */
import type { CustomScheme } from 'electron';
import { readStaticFile, securityHeaders } from '../core/ipc/static-files';
import { appOrigin, appScheme, originOf } from './app-url';

export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  // standard: a real origin and relative URLs; secure: treated like https. corsEnabled stays off:
  // it would let other origins read these responses. No service workers, no CSP bypass.
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' } });
}

export function appProtocolHandler(rendererDir: string): (request: Request) => Response {
  return (request) => {
    if (originOf(request.url) !== appOrigin) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = readStaticFile(rendererDir, new URL(request.url).pathname);
    if (file === null) return plain(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers: file.headers });
  };
}
