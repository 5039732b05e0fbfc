import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { findUp } from './find-up.js';

// carve's own folder, from source or installed: its files in a bundle are `carve`, not the app's.
const CARVE_ROOT = findUp(fileURLToPath(new URL('.', import.meta.url)), (dir) => {
  const manifest = join(dir, 'package.json');
  return existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'carve' ? dir : undefined;
});

/** The package a module's path is in: the innermost one, as a copy nested under another package's node_modules is its own. */
export function packageOf(path: string): string | undefined {
  return /.*node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path)?.[1]?.replace('\\', '/');
}

/** A bundled module's origin: the package it belongs to, `carve` for carve's own modules, `app` for the app's code. */
interface Part {
  origin: string;
  /** The module's absolute path (a plugin's namespace dropped). */
  path: string;
  bytes: number;
}

function partsOf(metafile: Metafile, workingDir: string): Part[] {
  // The bundle itself, not its source map (an output with no inputs).
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint) ?? Object.values(metafile.outputs)[0];
  return Object.entries(output?.inputs ?? {}).map(([input, { bytesInOutput }]) => {
    const path = resolve(workingDir, input.replace(/^[\w-]+:/, ''));
    const insideCarve = CARVE_ROOT !== undefined && path.startsWith(CARVE_ROOT + sep) ? path.slice(CARVE_ROOT.length + 1) : undefined;
    const pkg = packageOf(insideCarve ?? path);
    // carve's own modules: its compiled ones installed, or its sources (core, adapters) in its own checkout.
    const origin = pkg ?? (insideCarve !== undefined && /^(dist|core|adapters)[\\/]/.test(insideCarve) ? 'carve' : 'app');
    return { origin, path, bytes: bytesInOutput };
  });
}

/**
 * What a bundle is made of: the bytes each package adds to the minified output (from esbuild's metafile), carve's
 * own as `carve` and the app's own code as `app`, largest first.
 */
export function weigh(metafile: Metafile, workingDir: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const { origin, bytes } of partsOf(metafile, workingDir)) weights[origin] = (weights[origin] ?? 0) + bytes;
  return Object.fromEntries(Object.entries(weights).sort((a, b) => b[1] - a[1]));
}
