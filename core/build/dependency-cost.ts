import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundleModule } from './bundle.js';
import { runtimeModule } from './runtime-module.js';
import type { ZodLocales } from './zod-locales.js';

/** What a unit carries of its packages: for each bundled one, the re-exports of what it imports of it; the external ones (native addons). */
export interface CarriedPackages {
  bundled: Record<string, string[]>;
  external: string[];
}

const RUNS = 5;
// What a unit has in place before its packages load (tsyringe looks for it when it loads; carve's
// core/reflect-metadata.ts installs it): in each measurement and in the baseline, so neither counts carve's shim.
// A module of its own, imported first: an entry's imports run before its own statements.
const PRELUDE = 'Reflect.getMetadata ??= () => undefined;\n';
const TIMEOUT_MS = 60_000;

/**
 * What loading each package costs a unit, in milliseconds: what the unit imports of it, bundled alone as the unit
 * bundles it (or, external, the installed package), loaded in a fresh Node process, median of 5 interleaved runs,
 * less the same for an empty module. One measurement per distinct import set, shared by the units that have it.
 */
export async function measureDependencies(units: readonly CarriedPackages[], workDir: string, options: { zodLocales: ZodLocales; projectDir?: string }): Promise<Record<string, number>[]> {
  const dir = join(workDir, '.dependencies');
  mkdirSync(dir, { recursive: true });
  try {
    const fromProject = createRequire(join(options.projectDir ?? process.cwd(), 'package.json'));
    const prelude = join(dir, 'prelude.mjs');
    writeFileSync(prelude, PRELUDE);
    const importPrelude = `import ${JSON.stringify(prelude)};`;
    const files = new Map<string, string>();
    const keyOf = (pkg: string, reexports: readonly string[] | undefined) => (reexports ? `${pkg}\n${[...reexports].sort().join('\n')}` : `${pkg}\n(external)`);
    const wanted = units.flatMap((u) => [
      ...Object.entries(u.bundled).map(([pkg, reexports]) => ({ pkg, key: keyOf(pkg, reexports), reexports })),
      ...u.external.map((pkg) => ({ pkg, key: keyOf(pkg, undefined), reexports: undefined })),
    ]);
    for (const { pkg, key, reexports } of wanted) {
      if (files.has(key)) continue;
      const file = join(dir, `${files.size}.mjs`);
      const entry = `${file}.entry.mjs`;
      // An external package is loaded as the unit loads it, unbundled.
      if (reexports) {
        writeFileSync(entry, [importPrelude, ...reexports].join('\n'));
        writeFileSync(file, await bundleModule(entry, { zodLocales: options.zodLocales }));
      } else writeFileSync(file, `export * as m from ${JSON.stringify(fromProject.resolve(pkg))};\n`);
      files.set(key, file);
    }
    const empty = join(dir, 'empty.mjs');
    writeFileSync(`${empty}.entry.mjs`, `${importPrelude}\n`);
    writeFileSync(empty, await bundleModule(`${empty}.entry.mjs`));
    const probe = join(dir, 'probe.mjs');
    writeFileSync(probe, await bundleModule(runtimeModule(new URL('./import-probe.js', import.meta.url))));
    const times = new Map<string, number[]>([...files.values(), empty].map((f) => [f, []]));
    for (let run = 0; run < RUNS; run++) for (const [file, list] of times) list.push(importMs(probe, file));
    const baseline = median(times.get(empty)!);
    const cost = (key: string) => Math.max(0, Math.round((median(times.get(files.get(key)!)!) - baseline) * 10) / 10);
    // A package that cannot load on its own (it needs what the app sets up first) gets no figure.
    return units.map((u) => Object.fromEntries([
      ...Object.entries(u.bundled).map(([pkg, reexports]) => [pkg, cost(keyOf(pkg, reexports))] as const),
      ...u.external.map((pkg) => [pkg, cost(keyOf(pkg, undefined))] as const),
    ].filter(([, ms]) => Number.isFinite(ms))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function importMs(probe: string, file: string): number {
  try {
    const out = execFileSync(process.execPath, [probe, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: TIMEOUT_MS, killSignal: 'SIGKILL' });
    return Number(/importMs=([\d.]+)/.exec(out)?.[1]);
  } catch {
    return Number.NaN;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
