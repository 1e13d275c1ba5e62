// @ts-check
/**
 * Packaging (`npm run dist`). node_modules is never rebuilt for Electron (npmRebuild: false):
 * better-sqlite3 there stays a Node build, which the CLI and tests need. The Electron build of its
 * addon is made beside the app by build/prepare-electron-sqlite.mjs (out/native/), and the main
 * process loads it from there through QM_SQLITE_BINDING. The fuses
 * (E6) switch off the ways a packaged app could be turned into a general-purpose Node runtime or
 * made to load code from outside its signed archive.
 */

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'com.quartermaster.desktop',
  productName: 'Quartermaster',
  copyright: 'Copyright © Quartermaster contributors',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'out/**',
    // The CLI and serve mode (npm run cli / serve) are not part of the desktop app.
    '!out/node/**',
    // Migrations are read at runtime; findMigrationsDir walks up from out/main to find them.
    'migrations/**',
    'package.json',
    'build/fonts/**',
    '!**/*.map',
    // better-sqlite3's JS is all the app needs from the package: its own build/ holds the Node
    // binary (never loaded in the app), and deps/ and src/ are the C sources it was built from.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
    '!node_modules/better-sqlite3/binding.gyp',
  ],
  asar: true,
  // A native addon is loaded by the OS from a real file, not from inside the archive.
  asarUnpack: ['out/native/**'],
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    // The renderer is served from the quartermaster:// scheme; file:// pages need no extra rights.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Office' },
  mac: { target: ['dmg'], category: 'public.app-category.business' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false },
};

module.exports = config;
