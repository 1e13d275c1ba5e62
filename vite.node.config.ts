/**
 * Builds the plain-Node entries — the CLI, serve mode and the spreadsheet reader's worker — into
 * out/node/ as ES modules run by node (no TypeScript compiler at start-up):
 *
 *   out/node/cli.js          `npm run cli -- …` (through build/launch.mjs, which rebuilds when stale)
 *   out/node/serve.js        `npm run serve -- …`
 *   out/node/read-worker.js  started by read-contained, which looks for it beside itself; every
 *                            chunk stays in this one folder so that holds whichever chunk it lands in
 *
 * Dependencies stay in node_modules (better-sqlite3 must: it loads a native .node file). Heavy
 * ones (react-pdf, exceljs, pdfjs) are imported lazily by the commands that need them, so they
 * land in chunks of their own that `check` never loads.
 */
import { isAbsolute, resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/** Bare specifiers (packages, node: builtins) stay imports; only our own sources are bundled. */
function external(id: string): boolean {
  return !(id.startsWith('.') || isAbsolute(id) || id.startsWith('\0'));
}

export default defineConfig({
  root,
  // No public folder, no index.html: a library build for node.
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: resolve(root, process.env.QM_NODE_OUT_DIR ?? 'out/node'),
    emptyOutDir: true,
    ssr: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    copyPublicDir: false,
    rolldownOptions: {
      input: {
        cli: resolve(root, 'electron/cli/main.ts'),
        serve: resolve(root, 'electron/serve/start.ts'),
        'read-worker': resolve(root, 'electron/core/imports/read/read-worker.ts'),
      },
      external,
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
