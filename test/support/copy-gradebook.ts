import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The schema libraries the gradebook is written in: zod/mini (as it ships), classic zod, and valibot (not zod). */
export const FLAVORS = ['zod-mini', 'zod', 'valibot'] as const;
export type Flavor = (typeof FLAVORS)[number];

export const GRADEBOOK = fileURLToPath(new URL('../../examples/gradebook', import.meta.url));

/**
 * Copies the gradebook into `dir` with its schemas in `flavor` (flavors/<flavor>.ts as schemas.ts), and returns
 * the copy's folder. Handlers take every schema by name from schemas.ts, so that file is all that differs.
 */
export function copyGradebook(flavor: Exclude<Flavor, 'zod-mini'>, dir: string): string {
  const copy = join(dir, 'gradebook');
  cpSync(GRADEBOOK, copy, { recursive: true, filter: (from) => !/[/\\](flavors|__documents__)$|\.test\.ts$/.test(from) });
  writeFileSync(join(copy, 'schemas.ts'), readFileSync(join(GRADEBOOK, 'flavors', `${flavor}.ts`), 'utf8'));
  return copy;
}
