import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const CANDIDATES = ['', '.js', '.cjs', '.mjs', '.ts', '/index.js', '/index.ts'];

/** The file a relative specifier names, with its real extension (`./db` → `/app/db.js`). */
export function resolveSpecifier(spec: string, fromFile: string): string {
  const base = `${dirname(fromFile)}/${spec}`;
  // A TS ESM import names the emitted .js file; the source is the .ts beside it.
  const tsSource = base.endsWith('.js') ? `${base.slice(0, -3)}.ts` : undefined;
  return CANDIDATES.map((e) => base + e).find((f) => existsSync(f) && !statSync(f).isDirectory())
    ?? (tsSource && existsSync(tsSource) ? tsSource : base);
}

/** How the generated `outFile` imports `target`: relative, with the extension ESM needs (.ts is imported as .js). */
export function specifierFor(target: string, outFile: string): string {
  const file = outFile.endsWith('.ts') ? target.replace(/\.ts$/, '.js') : target;
  const rel = relative(dirname(outFile), file);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** A specifier written in `fromFile`, as seen from the generated `outFile` (packages unchanged). */
export function moduleSpecifier(spec: string, fromFile: string, outFile: string): string {
  return spec.startsWith('.') ? specifierFor(resolveSpecifier(spec, fromFile), outFile) : spec;
}

/**
 * A TypeScript project compiled to CommonJS imports its modules without an extension (`../src/server`): the
 * `.js` that ES TypeScript writes is not found by ts-node, ts-jest or a CommonJS require there.
 */
export function commonJsSpecifiers(text: string): string {
  return text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.js\2/g, '$1$2$3$2');
}

/** The first answer `at` gives for `dir` or a folder above it, nearest first. */
export function findUp<T>(dir: string, at: (folder: string) => T | undefined): T | undefined {
  for (let folder = dir; ; folder = dirname(folder)) {
    const found = at(folder);
    if (found !== undefined) return found;
    if (dirname(folder) === folder) return undefined;
  }
}

/** The `type` of the package.json nearest above `dir` (`module`, `commonjs`), if it says one. */
export function packageType(dir: string): string | undefined {
  const manifest = findUp(dir, (folder) => (existsSync(join(folder, 'package.json')) ? join(folder, 'package.json') : undefined));
  if (!manifest) return undefined;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type;
  } catch {
    return undefined;
  }
}
