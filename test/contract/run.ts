import { it } from 'vitest';
import { assertCase, type ContractCase, type Platform } from './case.js';
import type { Client } from './client.js';

/** One `it` per case, in order, against whatever client the target gives once started. */
export function runCases<C extends string>(cases: ContractCase<C>[], client: () => Client, credentials: () => Record<C, Record<string, string>> | undefined,
  onResult?: (passed: boolean) => void, skip: ReadonlyMap<string, string> = new Map(), platform?: Platform): void {
  for (const c of cases) {
    if (skip.has(c.name)) {
      it.skip(`${c.name} (skipped: ${skip.get(c.name)})`, () => undefined);
      continue;
    }
    const differs = platform ? c.platforms?.[platform] : undefined;
    it(differs ? `${c.name} (on ${platform}: ${differs.why})` : c.name, async () => {
      const auth = c.as ? credentials()?.[c.as] : undefined;
      const request = auth ? { ...c.request, headers: { ...auth, ...c.request.headers } } : c.request;
      try {
        assertCase(differs ? { ...c, expect: differs.expect } : c, await client()(request));
        onResult?.(true);
      } catch (error) {
        onResult?.(false);
        throw error;
      }
    });
  }
}
