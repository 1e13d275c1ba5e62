/**
 * Builds the three runtimes into out/: main (ESM, Node), preload (CommonJS: sandboxed preloads
 * cannot load ES modules, and may require nothing but electron, so their dependencies are
 * bundled in) and the renderer (a plain web app, also served as-is by serve mode).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies stay in node_modules; better-sqlite3 must, it loads a native .node file.
      externalizeDeps: { include: ['better-sqlite3'] },
      // The spreadsheet reader runs in a worker thread (S2), which needs a file of its own:
      // out/main/read-worker.js, found beside index.js at runtime.
      lib: {
        entry: {
          index: resolve(root, 'electron/main/index.ts'),
          'read-worker': resolve(root, 'electron/core/imports/read/read-worker.ts'),
        },
        formats: ['es'],
        fileName: (_format, entryName) => `${entryName}.js`,
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // The renderer ships inside the app and is parsed on every launch: keep it small.
      minify: true,
      emptyOutDir: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
