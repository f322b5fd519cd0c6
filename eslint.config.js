// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const globals = require('globals');

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net'];

module.exports = tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The core never reaches up into a host or the UI (ARCHITECTURE.md: src → nothing above it).
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/ is the core: no electron or react here.' },
            { regex: '(^|/)(main|renderer)(/|$)', message: 'src/ must not import from main/ or renderer/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage'],
    },
  },
  // src/shared runs in both the core and the browser: no Node built-ins, no native modules.
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...NODE_BUILTINS, 'better-sqlite3', 'electron', 'react'], message: 'src/shared must run in the browser too.' }, { regex: '^\\.\\./(?!shared/)', message: 'src/shared imports only src/shared.' }] },
      ],
    },
  },
  // main/ may use the core and electron, never the UI.
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)renderer(/|$)', message: 'main/ must not import from renderer/.' }] }],
    },
  },
  // The UI talks to the core only through the API contract, and features don't reach into each other.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', ...NODE_BUILTINS, 'better-sqlite3'], message: 'The renderer runs in a browser sandbox.' },
            { regex: '(^|/)src/(?!api/contract$|shared/)', message: 'renderer/ may import only src/api/contract and src/shared/ from the core.' },
            { regex: '(^|/)main(/|$)', message: 'renderer/ must not import from main/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', ...NODE_BUILTINS, 'better-sqlite3'], message: 'The renderer runs in a browser sandbox.' },
            { regex: '(^|/)src/(?!api/contract$|shared/)', message: 'renderer/ may import only src/api/contract and src/shared/ from the core.' },
            { regex: '^\\.\\./(?!\\.\\.)[^/]+/', message: 'No imports across features: move shared code to renderer/ui or renderer/app.' },
          ],
        },
      ],
    },
  },
);
