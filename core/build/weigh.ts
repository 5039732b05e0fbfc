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

/**
 * What a bundle is made of: the bytes each package adds to the minified output (from esbuild's metafile), carve's
 * own as `carve` and the app's own code as `app`, largest first.
 */
export function weigh(metafile: Metafile, workingDir: string): Record<string, number> {
  const output = Object.values(metafile.outputs)[0];
  const parts: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const path = resolve(workingDir, input.replace(/^[\w-]+:/, ''));
    const insideCarve = CARVE_ROOT !== undefined && path.startsWith(CARVE_ROOT + sep) ? path.slice(CARVE_ROOT.length + 1) : undefined;
    // The innermost package: a copy nested under another package's node_modules is its own.
    const pkg = /.*node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(insideCarve ?? path)?.[1]?.replace('\\', '/');
    // carve's own modules: its compiled ones installed, or its sources (core, adapters) in its own checkout.
    const origin = pkg ?? (insideCarve !== undefined && /^(dist|core|adapters)[\\/]/.test(insideCarve) ? 'carve' : 'app');
    parts[origin] = (parts[origin] ?? 0) + bytesInOutput;
  }
  return Object.fromEntries(Object.entries(parts).sort((a, b) => b[1] - a[1]));
}
