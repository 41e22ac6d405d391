import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** date-fns by function (`date-fns/format`): its index loads ~250 modules, 1.6 s more on each CLI start. */
const dateFnsIndex = { name: 'date-fns', message: "Import the function's own module: 'date-fns/format'." };

export default ts.config(
  {
    ignores: [
      'out/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.bench/',
      'dist/',
      // electron-vite's bundled config, which exists only while a build runs beside the lint.
      '*.config.ts.*.mjs',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [dateFnsIndex] }],
    },
  },
  {
    // Only the desktop shell and the preload may touch Electron.
    files: ['src/main/**/*.ts', 'src/shared/**/*.ts', 'src/cli/**/*.ts', 'src/renderer/**/*'],
    ignores: ['src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron', dateFnsIndex] }] },
  },
);
