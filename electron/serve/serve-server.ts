/**
 * Serve mode: the same dispatch as the desktop IPC, over HTTP on 127.0.0.1. A page on any other
 * site can reach 127.0.0.1 too, so every call must carry the per-launch token (which only the
 * printed URL holds), the Host header must name us (DNS rebinding) and a cross-site Origin is
 * refused. Errors travel as the same Result data the desktop app gets.
 */
import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppErrorData, ErrorCode, Result } from '../../shared/result';
import type { Session } from '../core/session';
import { createLogger } from '../core/log';
import { readStaticFile, securityHeaders } from '../core/ipc/static-files';

const log = createLogger('serve');

/** 17 MB: a 12 MB spreadsheet (imports.preview's limit) is 16 MB as base64, plus its options. */
export const maxBodyBytes = 17 * 1024 * 1024;
export const tokenHeader = 'x-qm-token';
const apiPrefix = '/api/';

export interface ServeOptions {
  session: Pick<Session, 'call'>;
  rendererDir: string;
  /** 0 or absent: the system picks a free port. */
  port?: number;
  /** Tests pass their own; otherwise 32 random bytes per launch. */
  token?: string;
}

export interface ServeServer {
  /** The address to open, with the token in the fragment (never sent to the server in a Referer). */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * A refusal from the workspace (a locked plan, a duplicate code, a bad value) is an answer, not a
 * transport failure: it travels as data with 200, like over Electron IPC. Only a call that reached
 * no handler, or a fault inside one, gets an HTTP error status.
 */
function statusOf(code: ErrorCode): number {
  if (code === 'unknown_method') return 404;
  if (code === 'internal') return 500;
  return 200;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time, whatever the lengths: both sides are hashed to 32 bytes first. */
export function tokensMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    ...securityHeaders,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, error: AppErrorData, extra: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  sendResult(res, status, { ok: false, error });
}

class BodyTooLarge extends Error {}

/**
 * Reads a request body up to maxBodyBytes. Past the limit the rest is drained and dropped rather
 * than the socket cut, so the client reads a clean 413; only token holders get this far.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      req.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => (size > maxBodyBytes ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export async function createServeServer(options: ServeOptions): Promise<ServeServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;

  const allowedHost = (host: string | undefined): string | null => {
    const h = (host ?? '').toLowerCase();
    return h === `127.0.0.1:${port}` || h === `localhost:${port}` ? h : null;
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'POST') {
      sendError(res, 405, { code: 'invalid_input', message: 'Calls are POST requests.' }, { allow: 'POST' });
      return;
    }
    const given = req.headers[tokenHeader];
    if (typeof given !== 'string' || given === '') {
      sendError(res, 401, { code: 'forbidden', message: 'Missing access token: open the address serve mode printed.' });
      return;
    }
    if (!tokensMatch(given, token)) {
      sendError(res, 403, { code: 'forbidden', message: 'Wrong access token: open the address serve mode printed.' });
      return;
    }
    let method: string;
    try {
      method = decodeURIComponent(pathname.slice(apiPrefix.length));
    } catch {
      sendError(res, 404, { code: 'unknown_method', message: 'Unknown method.' });
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        sendError(res, 413, { code: 'invalid_input', message: `Request body over ${maxBodyBytes} bytes.` });
        return;
      }
      throw err;
    }
    let payload: unknown;
    if (raw.length > 0) {
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        sendError(res, 400, { code: 'invalid_input', message: 'The request body is not valid JSON.' });
        return;
      }
    }
    const result = await options.session.call(method, payload);
    sendResult(res, result.ok ? 200 : statusOf(result.error.code), result);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...securityHeaders, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return;
    }
    const file = readStaticFile(options.rendererDir, pathname);
    if (file === null) {
      res.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { ...file.headers, 'content-length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = allowedHost(req.headers.host);
    if (host === null) {
      sendError(res, 403, { code: 'forbidden', message: 'Unexpected Host header.' });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      sendError(res, 403, { code: 'forbidden', message: 'Requests from other sites are refused.' });
      return;
    }
    // The raw path, not a URL-normalised one: the static resolver rejects dot segments itself.
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (rawPath.startsWith(apiPrefix)) await handleApi(req, res, rawPath);
    else handleStatic(req, res, rawPath);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error('request failed', err);
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'Something went wrong inside Quartermaster.' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
