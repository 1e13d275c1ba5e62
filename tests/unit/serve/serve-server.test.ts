// Serve mode over HTTP: token, Host and Origin are checked before anything reaches the workspace,
// the server listens on 127.0.0.1 only, and static files cannot leave the renderer folder.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServeServer, maxBodyBytes, tokensMatch, type ServeServer } from '../../../electron/serve/serve-server';
import { contentSecurityPolicy } from '../../../electron/core/ipc/static-files';
import { tempWorkspace, type TempWorkspace } from '../../helpers/temp-workspace';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let ws: TempWorkspace;
let server: ServeServer;
let rendererDir: string;

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const validHeaders = () => ({ 'x-qm-token': server.token, 'content-type': 'application/json' });
const createDept = JSON.stringify({ code: 'OPS', name: 'Operations', parentId: null, manager: null });

function dbHash(): string {
  ws.session.workspace.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256').update(readFileSync(ws.path)).digest('hex');
}

function errorCode(reply: Reply): string {
  const parsed = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };
  expect(parsed.ok).toBe(false);
  return parsed.error!.code;
}

beforeAll(async () => {
  ws = tempWorkspace();
  rendererDir = join(ws.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Quartermaster</title>');
  writeFileSync(join(rendererDir, 'assets/app.js'), 'export {}');
  writeFileSync(join(ws.dir, 'secret.txt'), 'TOP SECRET');
  symlinkSync(ws.dir, join(rendererDir, 'escape'));
  server = await createServeServer({ session: ws.session, rendererDir });
});

afterAll(async () => {
  await server.close();
  ws.cleanup();
});

describe('serve mode: the api', () => {
  it('binds 127.0.0.1 and puts the token only in the fragment', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    // Not reachable on another loopback address: the socket is bound to 127.0.0.1 alone.
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '::1', port: server.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('answers a call with the right token, Host and Origin (and that call changes the file)', async () => {
    const before = dbHash();
    const reply = await send('/api/org.createDepartment', {
      method: 'POST',
      headers: { ...validHeaders(), origin: server.origin },
      body: createDept,
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { code: 'OPS', name: 'Operations' } });
    expect(dbHash()).not.toBe(before);
    const list = await send('/api/org.listDepartments', { method: 'POST', headers: validHeaders(), body: '{}' });
    expect(JSON.parse(list.body)).toMatchObject({ ok: true, value: [{ code: 'OPS' }] });
  });

  it('refuses a missing token (401) and a wrong one (403) without touching the workspace', async () => {
    const before = dbHash();
    const body = JSON.stringify({ code: 'FIN', name: 'Finance', parentId: null, manager: null });
    const missing = await send('/api/org.createDepartment', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(missing.status).toBe(401);
    expect(errorCode(missing)).toBe('forbidden');
    for (const token of ['wrong', `${server.token}x`, server.token.slice(1), server.token.toUpperCase()]) {
      if (token === server.token) continue;
      const wrong = await send('/api/org.createDepartment', { method: 'POST', headers: { 'x-qm-token': token }, body });
      expect(wrong.status, token).toBe(403);
      expect(errorCode(wrong)).toBe('forbidden');
    }
    expect(dbHash()).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const before = dbHash();
    for (const host of [`evil.example:${server.port}`, `127.0.0.1.evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1', `localhost.evil:${server.port}`]) {
      const reply = await send('/api/org.createDepartment', { method: 'POST', headers: { ...validHeaders(), host }, body: createDept.replace('OPS', 'HOST') });
      expect(reply.status, host).toBe(403);
      expect(errorCode(reply)).toBe('forbidden');
      const page = await send('/', { headers: { host } });
      expect(page.status, host).toBe(403);
    }
    expect(dbHash()).toBe(before);
  });

  it('accepts localhost as a name for itself', async () => {
    const reply = await send('/api/workspace.info', {
      method: 'POST',
      headers: { ...validHeaders(), host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` },
      body: '{}',
    });
    expect(reply.status).toBe(200);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const before = dbHash();
    for (const origin of ['http://evil.example', `http://127.0.0.1.evil.example:${server.port}`, 'null', `https://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]) {
      const reply = await send('/api/org.createDepartment', { method: 'POST', headers: { ...validHeaders(), origin }, body: createDept.replace('OPS', 'ORIG') });
      expect(reply.status, origin).toBe(403);
    }
    expect(dbHash()).toBe(before);
  });

  it('turns bad requests into typed errors', async () => {
    const badJson = await send('/api/org.createDepartment', { method: 'POST', headers: validHeaders(), body: '{"code":' });
    expect(badJson.status).toBe(400);
    expect(errorCode(badJson)).toBe('invalid_input');

    // A payload the contract refuses is an answer from the workspace: data, not an HTTP failure.
    const badInput = await send('/api/org.createDepartment', { method: 'POST', headers: validHeaders(), body: '{"code":42}' });
    expect(badInput.status).toBe(200);
    expect(errorCode(badInput)).toBe('invalid_input');

    const unknown = await send('/api/nope.nothing', { method: 'POST', headers: validHeaders(), body: '{}' });
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('unknown_method');

    const proto = await send('/api/__proto__', { method: 'POST', headers: validHeaders(), body: '{"__proto__":{"polluted":true}}' });
    expect(errorCode(proto)).toBe('unknown_method');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const get = await send('/api/workspace.info', { headers: validHeaders() });
    expect(get.status).toBe(405);
  });

  it('refuses a body over 16 MiB', async () => {
    const before = dbHash();
    const body = Buffer.alloc(maxBodyBytes + 1, 0x20);
    // Declared up front (as browsers do) and streamed without a length: both are refused.
    const declared = await send('/api/org.createDepartment', { method: 'POST', headers: { ...validHeaders(), 'content-length': String(body.length) }, body });
    expect(declared.status).toBe(413);
    const streamed = await send('/api/org.createDepartment', { method: 'POST', headers: validHeaders(), body });
    expect(streamed.status).toBe(413);
    expect(errorCode(streamed)).toBe('invalid_input');
    expect(dbHash()).toBe(before);
  });

  it('compares tokens exactly', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abd')).toBe(false);
    expect(tokensMatch('', 'abc')).toBe(false);
    expect(tokensMatch('abcd', 'abc')).toBe(false);
  });
});

describe('serve mode: static files', () => {
  it('serves index.html with the strict CSP, nosniff and no caching', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Quartermaster</title>');
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-store');
    const js = await send('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/escape/secret.txt',
      '/index.html%00',
      '/%E0%A4%A',
      'http://evil.example/secret.txt',
    ]) {
      const reply = await send(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain('SECRET');
    }
  });

  it('answers only reads outside /api', async () => {
    const reply = await send('/index.html', { method: 'POST', headers: validHeaders(), body: '{}' });
    expect(reply.status).toBe(405);
  });
});
