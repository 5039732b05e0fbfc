// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** carve's targets and shapes, one folder each under adapters/; each may import only carve's public API and its own files. */
const ADAPTERS = readdirSync(new URL('./adapters', import.meta.url), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
/** What an adapter may import of carve besides its own subpaths: the SDK, the adapter kit and the build contract. */
const KIT = ['carve', 'carve/adapter', 'carve/adapter/node', 'carve/fetch', 'carve/build', 'carve/build/unit', 'carve/build/settings', 'carve/zod', 'carve/zod/mini'];

const escape = (text) => text.replace(/\./g, '\\.');
const anyOf = (names) => `(${names.map(escape).join('|')})`;

/**
 * One fence: import specifiers matching `regex` are refused, with `message`. Each becomes a
 * no-restricted-imports pattern and, because that rule does not see `import()`, an AST selector over
 * import() expressions too. A computed import() is refused unless it loads a file by URL
 * (`import(pathToFileURL(path).href)`: a user's module or a built unit, never a package), or `computed` allows it.
 * @param {{ regex: string, message: string }[]} fences
 * @param {{ computed?: boolean }} [options]
 */
function fence(fences, options = {}) {
  return {
    'no-restricted-imports': ['error', { patterns: fences.map(({ regex, message }) => ({ regex, message })) }],
    'no-restricted-syntax': ['error',
      // esquery's regex literals cannot hold a slash, escaped or not: spell it \x2F.
      ...fences.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/]`, message })),
      ...(options.computed ? [] : [{
        selector: "ImportExpression:not([source.type='Literal']):not([source.object.callee.name='pathToFileURL'])",
        message: 'import() takes a literal specifier (or a file URL, pathToFileURL(path).href), so the import fences can check it',
      }]),
    ],
  };
}

const CORE_FENCES = [
  { regex: '(^|/)adapters/', message: 'core must not import an adapter' },
  { regex: `^carve/${anyOf(ADAPTERS)}(/|$)`, message: 'core must not import an adapter' },
  { regex: '^(express|@vendia/|@azure/|@apollo/|graphql$|ts-morph$)', message: 'core must not import an adapter or a provider SDK' },
  { regex: '(^|/)(codemods|examples|test)/', message: 'core must not import codemods, examples or tests' },
  { regex: '^carve/codemods', message: 'core must not import codemods, examples or tests' },
  { regex: '(^|/)cli/', message: 'core never imports the CLI: it is the composition root, and nothing imports it back' },
];

// Schemas are Standard Schema: nothing a unit runs imports a validation library. Where zod may be imported: its
// re-exports, core's one converter for zod/mini (json-schema.ts), a target's settings (read by the build), fixtures.
const NO_ZOD = { regex: '^(zod|carve/zod)(/|$)', message: 'schemas are Standard Schema validators: core and the adapters call ~standard and never import zod (core/json-schema.ts converts zod/mini schemas)' };
const ZOD_ALLOWED = ['core/zod.ts', 'core/zod-mini.ts', 'core/json-schema.ts', 'adapters/*/settings.ts', 'adapters/*/fixtures.ts'];

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
    // Core never imports an adapter, a codemod, an example or the CLI.
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts', 'core/cli/**', ...ZOD_ALLOWED],
    rules: fence([...CORE_FENCES, NO_ZOD]),
  },
  { files: ZOD_ALLOWED.filter((f) => f.startsWith('core/')), rules: fence(CORE_FENCES) },
  {
    // The CLI is the composition root: it wires core, the targets and the codemods through their public
    // entry points, as a user's own script would.
    files: ['core/cli/**/*.ts'],
    ignores: ['core/**/*.test.ts', 'core/cli/template/**'],
    rules: fence([
      { regex: '^\\.\\./', message: "the CLI imports carve's public entry points ('carve', 'carve/build', …), never core internals" },
      { regex: '(^|/)(adapters|codemods)/', message: "the CLI imports targets and codemods by their public entry points ('carve/aws/target', 'carve/codemods')" },
    ], { computed: true }),
  },
  ...ADAPTERS.flatMap((name) => {
    // An adapter sees carve only through its public API and the adapter kit, and never another adapter.
    const fences = [
      { regex: '^\\.\\./', message: `adapters/${name} may import only carve's public API, the adapter kit and its own files` },
      { regex: '(^|/)core/', message: "import carve's public API ('carve', 'carve/adapter'), never core internals" },
      { regex: `^carve/(?!${name}(/|$))(?!${anyOf(KIT.map((k) => k.slice('carve/'.length)).filter(Boolean))}$)`, message: `an adapter never imports another adapter; adapters/${name} may import ${KIT.join(', ')} and carve/${name}` },
    ];
    const zodAllowed = ZOD_ALLOWED.filter((f) => f.startsWith('adapters/')).map((f) => f.replace('*', name));
    return [
      { files: [`adapters/${name}/**/*.ts`], ignores: [`adapters/${name}/**/*.test.ts`, ...zodAllowed], rules: fence([...fences, NO_ZOD]) },
      { files: zodAllowed, rules: fence(fences) },
    ];
  }),
  {
    // Examples are written the way a user writes them: by package name.
    files: ['examples/**/*.ts'],
    ignores: ['examples/**/*.test.ts'],
    rules: fence([{ regex: '(^|/)(core|adapters|codemods)/', message: "examples import carve by name ('carve', 'carve/express')" }]),
  },
  {
    files: ['codemods/**/*.ts'],
    ignores: ['codemods/**/*.test.ts'],
    rules: fence([
      { regex: '(^|/)(core|adapters)/', message: 'codemods emit code that imports carve; they do not import it' },
      { regex: '^carve(/|$)', message: 'codemods emit code that imports carve; they do not import it' },
    ]),
  },
);
