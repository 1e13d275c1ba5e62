// Lint keeps the runtimes apart (core never imports electron, renderer never imports Node)
// and holds the strictness the style guide asks for.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'worker_threads', 'stream', 'zlib'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'migrations/**', 'test-results/**', 'tests/output/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/core/**/*.tsx', 'electron/cli/**/*.ts', 'electron/serve/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'core, cli, serve and shared are plain Node: never import electron here.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the renderer talks to main only through renderer/src/api.' }],
          patterns: [
            { group: ['node:*', ...nodeBuiltins], message: 'the renderer and shared code run without Node.' },
            { group: ['**/electron/**'], message: 'the renderer reaches core only through the api client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
