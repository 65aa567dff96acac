// Lint enforces the architecture: which folder may import what, typed IPC only, to-do marks with an
// issue number. See README "Architecture".
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'tls',
  'crypto',
  'child_process',
  'url',
  'util',
  'stream',
  'events',
  'zlib',
  'dns',
  'buffer',
];

// Bare specifiers only: as a gitignore-style `group`, 'events' would also forbid '../events/x.js'.
const nodeBuiltinsRegex = `^(?:node:.*|${nodeBuiltins.filter((name) => name !== 'node:*').join('|')})(?:/.*)?$`;

const noElectron = {
  name: 'electron',
  message: 'Only the Electron shell (electron/main, electron/preload) may import electron.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.tools/**',
      'dist/**',
      'release/**',
      'test-output/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-warning-comments': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // A to-do mark names the issue that removes it, as in "TODO(#12): why" (12 = the issue).
    plugins: {
      local: {
        rules: {
          'todo-issue': {
            meta: { type: 'problem', schema: [] },
            create(context) {
              return {
                Program() {
                  for (const comment of context.sourceCode.getAllComments()) {
                    if (/\bTODO\b/.test(comment.value) && !/TODO\(#\d+\): \S/.test(comment.value)) {
                      context.report({
                        loc: comment.loc,
                        message: 'Write TODO(#N): why, with N the issue that removes it.',
                      });
                    }
                  }
                },
              };
            },
          },
        },
      },
    },
    rules: { 'local/todo-issue': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { regex: nodeBuiltinsRegex, message: 'shared/ is pure: no Node built-ins.' },
            { group: ['react', 'react-dom', 'react-dom/*'], message: 'shared/ has no DOM.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ regex: nodeBuiltinsRegex, message: 'The renderer is sandboxed: no Node.' }],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/gateway/**/*.ts', 'electron/cli/**/*.ts', 'simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    // Raw IPC only inside the typed IPC module.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['electron/main/ipc/**', 'electron/preload.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ipcRenderer', message: 'Use the typed bridge from shared/ipc.' },
        { object: 'ipcMain', message: 'Use the typed handlers in electron/main/ipc.' },
        {
          property: 'send',
          object: 'webContents',
          message: 'Use the typed sender in electron/main/ipc.',
        },
      ],
    },
  },
);
