// The quartermaster:// scheme serves only the built renderer, with the CSP header.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appOrigin } from '../../../electron/main/app-url';
import { appProtocolHandler, appSchemePrivileges } from '../../../electron/main/protocol';
import { contentSecurityPolicy } from '../../../electron/core/ipc/static-files';

const base = mkdtempSync(join(tmpdir(), 'qm-proto-'));
const rendererDir = join(base, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(rendererDir, 'assets/app.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
symlinkSync(base, join(rendererDir, 'escape'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handle = appProtocolHandler(rendererDir);

describe('app protocol', () => {
  it('is a standard, secure scheme', () => {
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true });
    expect(appSchemePrivileges.privileges?.bypassCSP ?? false).toBe(false);
  });

  it('serves the renderer with the strict CSP', async () => {
    const res = handle(new Request(`${appOrigin}/index.html`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('<title>app</title>');
    expect(handle(new Request(`${appOrigin}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('serves nothing outside the renderer folder or from another host', async () => {
    for (const url of [
      `${appOrigin}/%2e%2e/secret.txt`,
      `${appOrigin}/assets/..%2f..%2fsecret.txt`,
      `${appOrigin}/escape/secret.txt`,
      `${appOrigin}/..%5csecret.txt`,
      `${appOrigin}/index.html%00.js`,
      'quartermaster://other/index.html',
    ]) {
      const res = handle(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('SECRET');
    }
  });

  it('answers only reads', () => {
    expect(handle(new Request(`${appOrigin}/index.html`, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
