import { UsageError } from './usage-error.js';

/**
 * The target's rendering of its entry in a `carve.config.ts` section (`secrets.<name>.<target>`,
 * `resources.<name>.<target>`): a missing entry, or one the target refuses, is one line naming the key and why.
 */
export function renderTargetEntry<T>(
  where: string, key: string, given: Record<string, unknown>, target: string, missing: string, render: (reference: unknown) => T,
): T {
  const reference = given[target];
  if (reference === undefined) throw new UsageError(`${where}: ${key} says nothing for ${target}: add ${target}: { … }, ${missing}`);
  try {
    return render(reference);
  } catch (error) {
    throw new UsageError(`${where}: ${key}.${target}: ${(error as Error).message}`);
  }
}
