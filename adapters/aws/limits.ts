import type { BuiltUnit, CostEstimate, Usage } from 'carve/build';
import { chooseApi } from './api-type.js';
import type { AwsSettings } from './settings.js';

// Lambda, API Gateway and CloudFormation limits, as AWS documents them.
const MB = 1024 * 1024;

/** Warnings for units or settings that Lambda, API Gateway or CloudFormation would refuse or cut short. */
export function awsLimits(units: readonly BuiltUnit[], settings: AwsSettings): string[] {
  const warnings: string[] = [];
  for (const u of units) {
    if (u.gzipBytes > 50 * MB) warnings.push(`${u.name}: ${(u.gzipBytes / MB).toFixed(1)} MB zipped is over Lambda's 50 MB direct-upload limit`);
    if (u.bundleBytes > 250 * MB) warnings.push(`${u.name}: ${(u.bundleBytes / MB).toFixed(1)} MB is over Lambda's 250 MB unzipped limit`);
  }
  if (settings.timeoutSeconds > 29) warnings.push(`timeout ${settings.timeoutSeconds} s: API Gateway answers 504 after 29 s whatever the function does`);
  // SAM makes a function, its role, and per route a route, an integration and a permission.
  const resources = 1 + units.reduce((n, u) => n + 2 + 3 * u.routes.length, 0);
  if (resources > 500) warnings.push(`about ${resources} CloudFormation resources: over the 500 per stack limit; use fewer units or split the stack`);
  return warnings;
}

// AWS Lambda (x86, us-east-1), HTTP API and REST API list prices as of 2026-11 (the first tier of each API's requests);
// INIT duration billed since 2025-08-01.
const PRICE = { perRequest: 0.2 / 1e6, perGbSecond: 0.0000166667, httpApiPerRequest: 1.0 / 1e6, restApiPerRequest: 3.5 / 1e6 };

/** A monthly estimate for one shape: each cold start adds its INIT time to the bill. */
export function awsCost(settings: AwsSettings, usage: Usage, coldStartMs: readonly number[], coldStartRate = 0.01): CostEstimate {
  const { requestsPerMonth, averageDurationMs } = usage;
  const gb = settings.memoryMb / 1024;
  const coldStarts = requestsPerMonth * coldStartRate;
  const meanInitMs = coldStartMs.length ? coldStartMs.reduce((a, b) => a + b, 0) / coldStartMs.length : 0;
  const requests = requestsPerMonth * PRICE.perRequest;
  const compute = (requestsPerMonth * averageDurationMs) / 1000 * gb * PRICE.perGbSecond;
  const init = (coldStarts * meanInitMs) / 1000 * gb * PRICE.perGbSecond;
  const rest = chooseApi(settings.gateway).type === 'rest';
  const api = requestsPerMonth * (rest ? PRICE.restApiPerRequest : PRICE.httpApiPerRequest);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requestsPerMonth, averageDurationMs, coldStartsPerMonth: Math.round(coldStarts),
    usd: { requests: round(requests), compute: round(compute), init: round(init), [rest ? 'restApi' : 'httpApi']: round(api), total: round(requests + compute + init + api) },
  };
}
