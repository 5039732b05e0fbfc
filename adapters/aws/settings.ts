import { z } from 'carve/zod';

// Lambda's schedule: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (nodejs20.x: deprecated
// 2026-04-30, no new functions from 2026-06-01; the Python cfn-lint refuses it, E2533).
const RETIRED: Record<string, string> = { 'nodejs20.x': 'Lambda creates no new functions on nodejs20.x since 2026-06-01' };

/** `aws: { … }` in carve.config.ts: each function's settings. */
export const AwsSettings = z.strictObject({
  runtime: z.enum(['nodejs22.x', 'nodejs24.x'], {
    error: (issue) => {
      const retired = typeof issue.input === 'string' ? RETIRED[issue.input] : undefined;
      return `${retired ? `${retired}; ` : ''}expected nodejs22.x (the default) or nodejs24.x`;
    },
  }).default('nodejs22.x'),
  memoryMb: z.int().min(128).max(10_240).default(512),
  timeoutSeconds: z.int().min(1).max(900).default(29),
  /**
   * Node reads each bundle's source map at start-up (`--enable-source-maps`), so stack traces name the sources: a few
   * ms of cold start for a ~100 KB unit. `false` leaves the flag out (the maps are still written).
   */
  sourceMaps: z.boolean().default(true),
  /** A schedule that keeps each unit warm (answered without running any handler). */
  warmup: z.boolean().default(false),
});
export type AwsSettings = z.output<typeof AwsSettings>;

// CloudFormation resolves dynamic references in a function's environment when the stack deploys:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html (no ssm-secure there).
/** Where `carve.config.ts` `secrets.<name>.aws` says a secret is kept. */
export const AwsSecret = z.union([
  z.strictObject({ ssm: z.string().regex(/^[\w./-]+(:\d+)?$/, 'an SSM parameter name such as /shop/stripe-key') }),
  z.strictObject({ secretsManager: z.string().min(1), key: z.string().min(1).optional() }),
]);

/** What `carve.config.ts` `resources.<name>.aws` says a resource is: an existing table, bucket, queue or topic, by name. */
export const AwsResource = z.union([
  z.strictObject({ dynamodbTable: z.string().regex(/^[\w.-]{3,255}$/) }),
  z.strictObject({ s3Bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/) }),
  z.strictObject({ sqsQueue: z.string().regex(/^[\w-]{1,80}(\.fifo)?$/) }),
  z.strictObject({ snsTopic: z.string().regex(/^[\w-]{1,256}(\.fifo)?$/) }),
]);
