import { it } from 'vitest';
import { assertCase, type ContractCase } from './case';
import type { Client } from './client';

/** One `it` per case, in order, against whatever client the target gives once started. */
export function runCases<C extends string>(cases: ContractCase<C>[], client: () => Client, credentials: () => Record<C, Record<string, string>> | undefined, onResult?: (passed: boolean) => void): void {
  for (const c of cases) {
    it(c.name, async () => {
      const auth = c.as ? credentials()?.[c.as] : undefined;
      const request = auth ? { ...c.request, headers: { ...auth, ...c.request.headers } } : c.request;
      try {
        assertCase(c, await client()(request));
        onResult?.(true);
      } catch (error) {
        onResult?.(false);
        throw error;
      }
    });
  }
}
