// Lint rules that keep the process boundaries of DESIGN.md honest: only the Electron glue
// imports electron, src/shared stays pure, and the renderer knows nothing of main or server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronOnlyInGlue = {
  name: 'electron',
  message: 'Only src/main/electron (and the preload) may import electron; take a port instead.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyInGlue] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/main/electron/**', 'src/preload/**', 'test/unit/main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInGlue, ...nodeModules.map((name) => ({ name, message: 'src/shared is pure: no node imports.' }))],
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'zustand'], message: 'src/shared is pure: no UI imports.' },
            { group: ['**/main/**', '**/server/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing of the processes.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require', '__dirname', 'fetch'].map(
          (name) => ({ name, message: 'src/shared is pure: no DOM or node globals.' }),
        ),
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInGlue, ...nodeModules.map((name) => ({ name, message: 'The renderer has no node; ask main through the contract.' }))],
          patterns: [
            { group: ['**/main/**', '**/server/**', '**/preload/index*'], message: 'The renderer knows only src/shared and the contract.' },
          ],
        },
      ],
    },
  },
);
