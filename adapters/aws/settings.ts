import { z } from 'carve/zod';

/** `aws: { … }` in carve.config.ts: each function's settings. */
export const AwsSettings = z.strictObject({
  runtime: z.enum(['nodejs20.x', 'nodejs22.x', 'nodejs24.x']).default('nodejs20.x'),
  memoryMb: z.int().min(128).max(10_240).default(512),
  timeoutSeconds: z.int().min(1).max(900).default(29),
  /** A schedule that keeps each unit warm (answered without running any handler). */
  warmup: z.boolean().default(false),
});
export type AwsSettings = z.output<typeof AwsSettings>;
