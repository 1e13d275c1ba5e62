/**
 * `npm run serve -- [workspace.sqlite] [--port N] [--demo-as-of YYYY-MM-DD] [--create]`: opens a
 * workspace and serves the built renderer plus the api on 127.0.0.1. Prints exactly one line, the
 * address with its token; Ctrl+C closes the database cleanly.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/result';
import { backgroundCheckDelayMs } from '../core/db/background-check';
import { dateFlag, onePositionalOrNone, parseCommandArgs, UsageError } from '../core/command-args';
import { openSession, type Session } from '../core/session';
import { createDemoFile, createEmptyWorkspace, defaultSettings, localToday } from '../core/workspace/create-workspace';
import { createServeServer } from './serve-server';

const usage = `Usage: npm run serve -- [workspace.sqlite] [--port N] [--create] [--demo-as-of YYYY-MM-DD] [--renderer DIR]
  With no file, opens (creating it on first use) the demo workspace in your data folder.
  --create makes a new empty workspace when the file does not exist.`;

/** Per-user data folder, following the XDG convention on Linux and the usual places elsewhere. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Quartermaster');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Quartermaster');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'Quartermaster');
}

// From source (electron/serve/start.ts) or built (out/node/serve.js): out/renderer either way.
const here = dirname(fileURLToPath(import.meta.url));
const defaultRendererDir = import.meta.url.endsWith('.ts') ? resolve(here, '../../out/renderer') : resolve(here, '../renderer');

function portFlag(value: string): number {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`);
  return n;
}

/** The deep check runs a few seconds after the server is up (never before the first page); damage is said on stderr. */
function openChecked(path: string): Session {
  return openSession(path, {
    backgroundCheck: {
      delayMs: backgroundCheckDelayMs,
      onDamage: (detail) => process.stderr.write(`${basename(path)} is damaged: ${detail}. Make no more changes to it; open its newest backup.\n`),
    },
  });
}

function openTarget(file: string | undefined, create: boolean, asOf: string): Session {
  if (file === undefined) {
    const demo = join(userDataDir(), 'Demo Workspace.sqlite');
    if (!existsSync(demo)) createDemoFile(demo, { asOf });
    return openChecked(demo);
  }
  if (!existsSync(file)) {
    if (!create) throw new AppError('not_found', `No workspace at ${file}. Pass --create to make a new empty one there.`);
    return createEmptyWorkspace(file, defaultSettings(file), 'app');
  }
  return openChecked(file);
}

async function main(argv: string[]): Promise<number> {
  let file: string | undefined;
  let port: number;
  let create: boolean;
  let asOf: string;
  let rendererDir: string;
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      port: { type: 'string' },
      create: { type: 'boolean' },
      'demo-as-of': { type: 'string' },
      renderer: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    file = onePositionalOrNone(positionals);
    port = values.port !== undefined ? portFlag(values.port) : 0;
    create = values.create ?? false;
    asOf = values['demo-as-of'] !== undefined ? dateFlag(values['demo-as-of'], '--demo-as-of') : localToday();
    rendererDir = resolve(values.renderer ?? defaultRendererDir);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`serve: ${err.message}\n${usage}\n`);
    return 2;
  }
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(`The renderer is not built (no ${join(rendererDir, 'index.html')}): run "npm run build", or use "npm run serve", which builds first.\n`);
    return 1;
  }

  let session: Session;
  try {
    session = openTarget(file, create, asOf);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
  const server = await createServeServer({ session, rendererDir, port });
  process.stdout.write(`Quartermaster serving ${session.workspace.path} at ${server.url}\n`);
  // A fresh process's first board pack pays for loading the PDF renderer and its fonts: do it now,
  // in the background, while the user finds the Reports view.
  setTimeout(() => void import('../core/report/prewarm').then((m) => m.prewarmReportRenderer()), 500).unref();

  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  session.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`serve failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
