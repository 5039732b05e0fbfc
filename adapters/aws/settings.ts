import { z } from 'carve/zod';

// Lambda's schedule: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (nodejs20.x: deprecated
// 2026-04-30, no new functions from 2026-06-01; the Python cfn-lint refuses it, E2533).
const RETIRED: Record<string, string> = { 'nodejs20.x': 'Lambda creates no new functions on nodejs20.x since 2026-06-01' };

const Throttle = z.strictObject({
  /** Steady requests per second. */
  rateLimit: z.number().positive(),
  /** Requests allowed at once above the rate. */
  burstLimit: z.int().min(0),
});

const UsagePlan = z.strictObject({
  throttle: Throttle.optional(),
  quota: z.strictObject({ limit: z.int().min(1), period: z.enum(['DAY', 'WEEK', 'MONTH']) }).optional(),
  /** The plan's own rate for a route that takes a key, by handler id. */
  routes: z.record(z.string().min(1), Throttle).default({}),
});

// The retention periods CloudWatch Logs accepts, in days.
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
const handlerIds = z.array(z.string().min(1)).min(1);

/** `aws.gateway` in carve.config.ts: what API Gateway does in front of the functions. */
export const GatewaySettings = z.strictObject({
  /**
   * The API type: `http` (HTTP API: cheaper, faster, JWT authorizers) or `rest` (REST API: API keys and usage plans,
   * response caching, resource policies). Default: HTTP, unless a feature only a REST API has is asked for.
   */
  api: z.enum(['http', 'rest']).optional(),
  /** Stage variables, read by handlers from the event (`lambdaRequestOf(request).event.stageVariables`). */
  stageVariables: z.record(z.string().regex(/^[A-Za-z0-9_]+$/, 'a stage variable name: letters, digits and _'), z.string().regex(/^[\w\-._~:/?#&=,]*$/, 'a stage variable value: letters, digits and -._~:/?#&=,')).default({}),
  /** The stage's request rate for every route, and per route by handler id (`{ postGrade: { rateLimit: 5, burstLimit: 10 } }`). */
  throttle: Throttle.extend({ routes: z.record(z.string().min(1), Throttle).default({}) }).optional(),
  /** API keys: the routes (handler ids, or `'all'`) that need one, and the usage plans keys belong to (one key each). */
  apiKeys: z.strictObject({ routes: z.union([z.literal('all'), handlerIds]), plans: z.record(z.string().regex(/^[A-Za-z0-9_-]+$/), UsagePlan) })
    .refine((keys) => Object.keys(keys.plans).length > 0, 'at least one usage plan, as in plans: { partners: { quota: { limit: 1000, period: \'DAY\' } } }')
    .optional(),
  /** Response caching at the gateway: seconds per GET route, by handler id (`{ getCourse: 300 }`). */
  cache: z.record(z.string().min(1), z.int().min(0).max(3600)).default({}),
  /** The cache's size in GB, when any route is cached. */
  cacheSizeGb: z.enum(['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237']).default('0.5'),
  /** Access logs (JSON, one line per request) and how long they and the functions' logs are kept. */
  logs: z.strictObject({ retentionDays: z.union(RETENTION_DAYS.map((d) => z.literal(d))) }).optional(),
  /** X-Ray: the functions, and the API where the type has it (REST). */
  tracing: z.boolean().default(false),
  /** Only these source addresses may call the API (CIDR ranges): a resource policy. */
  allowIps: z.array(z.string().regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, 'an IPv4 address or CIDR range such as 203.0.113.0/24')).min(1).optional(),
  /** A custom domain, its ACM certificate, and the base path the API is mapped to. */
  domain: z.strictObject({
    name: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'a domain name such as api.example.com'),
    certificateArn: z.string().regex(/^arn:aws[\w-]*:acm:[\w-]+:\d{12}:certificate\/[\w-]+$/, 'an ACM certificate ARN'),
    basePath: z.string().regex(/^[\w.-]+$/, 'one path segment such as v1').optional(),
  }).optional(),
});
export type GatewaySettings = z.output<typeof GatewaySettings>;

/** The VPC a function runs in: its subnets and security groups (Lambda adds the network interfaces' rights itself). */
const Vpc = z.strictObject({
  subnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]{8,17}$/, 'a subnet id such as subnet-0abc12345def67890')).min(1),
  securityGroupIds: z.array(z.string().regex(/^sg-[0-9a-f]{8,17}$/, 'a security group id such as sg-0abc12345def67890')).min(1),
});

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
  gateway: GatewaySettings.default(() => GatewaySettings.parse({})),
  /** Every function in a VPC (to reach a database in private subnets, say). */
  vpc: Vpc.optional(),
  /** One unit's function, by the unit's name in the shape built: its memory, timeout, VPC (`false`: none). */
  functions: z.record(z.string().min(1), z.strictObject({
    memoryMb: z.int().min(128).max(10_240).optional(),
    timeoutSeconds: z.int().min(1).max(900).optional(),
    vpc: z.union([Vpc, z.literal(false)]).optional(),
  })).default({}),
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
