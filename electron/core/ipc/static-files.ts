/**
 * Serving the built renderer, for serve mode and for the desktop app's custom scheme alike:
 * one resolver that cannot leave its folder, one set of security headers.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Same policy as the renderer's meta tag; sent as a header too, which also covers frame-ancestors. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  // React's style props go through CSSOM, which CSP does not block; this is for libraries that
  // inject <style> elements. Scripts stay strictly 'self'.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Maps a URL path ("/", "/assets/x.js") to a regular file inside rootDir, or null. Encoded
 * separators, dot segments, NUL bytes and symlinks leading out of the folder all give null.
 */
export function resolveStaticPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const wanted = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  let root: string;
  try {
    root = realpathSync(rootDir);
  } catch {
    return null;
  }
  const candidate = resolve(root, `.${wanted.split('/').join(sep)}`);
  if (!isInside(root, candidate)) return null;
  try {
    const real = realpathSync(candidate);
    if (!isInside(root, real) || !statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

export interface StaticFile {
  body: Buffer;
  headers: Record<string, string>;
}

export function readStaticFile(rootDir: string, urlPath: string): StaticFile | null {
  const file = resolveStaticPath(rootDir, urlPath);
  if (file === null) return null;
  const ext = extname(file).toLowerCase();
  return {
    body: readFileSync(file),
    headers: {
      ...securityHeaders,
      'content-type': contentTypes[ext] ?? 'application/octet-stream',
      // index.html names the hashed bundles; a stale copy would load an old renderer.
      'cache-control': ext === '.html' ? 'no-store' : 'no-cache',
    },
  };
}
