// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Adapters of carve, by folder; each may import only `carve` (core's public API) and its own files. */
const ADAPTERS = ['express', 'aws', 'azure', 'graphql'];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '**/__testfixtures__/**', 'coverage/**', 'bench/.out/**', '.carve/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The legacy example is CommonJS Express on purpose (carve split's "before"); Express tells error
    // middleware by its four parameters, so unused arguments are part of the contract.
    files: ['examples/legacy-gradebook/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-unused-vars': ['error', { args: 'none' }] },
  },
  {
    // Plain CommonJS probes that load a bundle in a fresh process.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Core never imports an adapter, a codemod or an example.
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: restrict([
      { group: ['**/adapters/**', 'carve/*', 'express', '@vendia/*', '@azure/*', '@apollo/*'], message: 'core must not import an adapter or a provider SDK' },
      { group: ['**/codemods/**', '**/examples/**', '**/test/**'], message: 'core must not import codemods, examples or tests' },
    ]),
  },
  ...ADAPTERS.map((name) => ({
    // An adapter sees core only through its public API, and never another adapter.
    files: [`adapters/${name}/**/*.ts`],
    ignores: [`adapters/${name}/**/*.test.ts`],
    rules: restrict([
      { group: ['../*', '!./*'], message: `adapters/${name} may import only 'carve' and its own files` },
      { group: ['**/core/**'], message: "import core's public API as 'carve', never core internals" },
      { group: ADAPTERS.filter((other) => other !== name).map((other) => `carve/${other}`), message: 'an adapter never imports another adapter' },
    ]),
  })),
  {
    // Examples are written the way a user writes them: by package name.
    files: ['examples/**/*.ts'],
    ignores: ['examples/**/*.test.ts'],
    rules: restrict([{ group: ['**/core/**', '**/adapters/**', '**/codemods/**'], message: "examples import carve by name ('carve', 'carve/express')" }]),
  },
  {
    files: ['codemods/**/*.ts'],
    ignores: ['codemods/**/*.test.ts'],
    rules: restrict([{ group: ['**/core/**', '**/adapters/**'], message: 'codemods emit code that imports carve; they do not import it' }]),
  },
);
