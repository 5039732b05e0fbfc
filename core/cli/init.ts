import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { UsageError } from 'carve/build';

const require = createRequire(import.meta.url);
// The project `carve init` writes: real, type-checked files (core/cli/template, shipped as they are), plus a
// package.json made here.
const TEMPLATE = join(dirname(require.resolve('carve/package.json')), 'core/cli/template');
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/** The versions carve itself is developed with, so a new project gets ones known to work together. */
function versions(): Record<string, string> {
  const pkg = require('carve/package.json') as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const all = { ...pkg.devDependencies, ...pkg.dependencies };
  return { typescript: `^${all['typescript']!.replace(/^\D*/, '')}`, '@types/node': all['@types/node']!, tsx: all['tsx']!, express: all['express']! };
}

export function initProject(dir: string, options: { name?: string | undefined; carveSpec: string }): { files: string[] } {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError(`${dir} is not empty; give carve init a new or empty folder`);
  const name = options.name ?? basename(dir).toLowerCase().replace(/[^a-z0-9-._~]+/g, '-');
  if (!PACKAGE_NAME.test(name)) throw new UsageError(`"${name}" is not a valid package name; pass --name`);
  mkdirSync(dir, { recursive: true });
  cpSync(TEMPLATE, dir, { recursive: true });
  // npm leaves .gitignore out of published packages, so the template carries it without the dot.
  renameSync(join(dir, 'gitignore'), join(dir, '.gitignore'));
  for (const file of ['src/app.ts', 'README.md']) writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replaceAll('carve-app', name));
  const v = versions();
  const pkg = {
    name, version: '0.1.0', private: true, type: 'module',
    engines: { node: '>=20.19' },
    scripts: {
      dev: 'carve dev --app src/app.ts',
      typecheck: 'tsc',
      test: 'tsc && node --import tsx --test src/app.test.ts',
      build: 'carve build --app src/app.ts --shape nanoservices --target aws',
      openapi: 'carve openapi --app src/app.ts --out openapi.json',
    },
    dependencies: { carve: options.carveSpec },
    // express serves `carve dev`; a Lambda build does not need it.
    devDependencies: { '@types/node': v['@types/node'], express: v.express, tsx: v.tsx, typescript: v.typescript },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return { files: readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort() };
}
