/**
 * Builds the plain-Node entries — the CLI, serve mode and the spreadsheet reader's worker — into
 * out/node/ as ES modules run by node (no TypeScript compiler at start-up):
 *
 *   out/node/cli.js          `npm run cli -- …` (through build/launch.mjs, which rebuilds when stale)
 *   out/node/serve.js        `npm run serve -- …`
 *   out/node/read-worker.js  started by read-contained, which looks for it beside itself; every
 *                            chunk stays in this one folder so that holds whichever chunk it lands in
 *
 * Heavy dependencies stay in node_modules and are imported lazily by the commands that need them
 * (react-pdf, exceljs), so `check` never loads them; see `external` below.
 */
import { isAbsolute, resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Packages that stay imports from node_modules: better-sqlite3 (a native addon) and the large
 * libraries only some commands load (PDF, xlsx, zip), which keep their own files. The small pure
 * JavaScript ones every command needs (zod, drizzle-orm, papaparse) are bundled in: resolving and
 * reading their hundreds of module files was most of a `check`'s start-up.
 */
const keptExternal = ['better-sqlite3', '@react-pdf/', 'react', 'react-dom', 'exceljs', 'pdfjs-dist', 'yauzl', 'elkjs', 'fontkit', '@expo-google-fonts/'];

function external(id: string): boolean {
  if (id.startsWith('.') || isAbsolute(id) || id.startsWith('\0')) return false;
  if (id.startsWith('node:')) return true;
  return keptExternal.some((name) => (name.endsWith('/') ? id.startsWith(name) : id === name || id.startsWith(`${name}/`)));
}

export default defineConfig({
  root,
  // No public folder, no index.html: a library build for node.
  publicDir: false,
  logLevel: 'warn',
  // Vite leaves every dependency external in a node (SSR) build; `external` below decides instead.
  ssr: { noExternal: true },
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
