// @ts-check
/**
 * Packaging (`npm run dist`). better-sqlite3 is rebuilt for Electron here (npmRebuild) and only
 * here — a postinstall rebuild would break it for Node, where tests and the CLI run. The fuses
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
    // Migrations are read at runtime; findMigrationsDir walks up from out/main to find them.
    'migrations/**',
    'package.json',
    'build/fonts/**',
    '!**/*.map',
  ],
  asar: true,
  // A native module cannot be loaded from inside the asar archive.
  asarUnpack: ['node_modules/better-sqlite3/**/*.node'],
  npmRebuild: true,
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
