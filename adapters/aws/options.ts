import type { LambdaHandler } from './events.js';

export interface LambdaHandlerOptions {
  /**
   * A path prefix to remove before routing, e.g. a custom domain's base path mapping (`/api`).
   * Segment-aware: `/api` strips `/api/x` and `/api`, never `/apis/x`.
   */
  basePath?: string | undefined;
  /** HTTP API with a named stage puts `/{stage}` in the path; remove it. Default false. */
  stripStage?: boolean | undefined;
  /** Answer 504 this many ms before Lambda's own timeout would kill the invocation. Default 500. */
  deadlineMarginMs?: number | undefined;
  /** Use the principal from an API Gateway authorizer (JWT, Lambda, IAM). Default true. */
  trustAuthorizer?: boolean | undefined;
  /** The authorizer claim that holds roles. Default `roles`; Cognito users want `cognito:groups`. */
  rolesClaim?: string | undefined;
  /** Extra media types to always send base64-encoded (binary), e.g. `application/x-custom`. */
  binaryTypes?: readonly string[] | undefined;
  /** Called for requests no carve route matches: the legacy app of a strangler migration. */
  fallback?: LambdaHandler | undefined;
}

export interface ResolvedOptions {
  basePath: string;
  stripStage: boolean;
  deadlineMarginMs: number;
  trustAuthorizer: boolean;
  rolesClaim: string;
  binaryTypes: readonly string[];
}

export function resolveOptions(options: LambdaHandlerOptions): ResolvedOptions {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath !== '' && !basePath.startsWith('/')) throw new TypeError(`basePath must start with "/", got ${JSON.stringify(options.basePath)}`);
  return {
    basePath,
    stripStage: options.stripStage ?? false,
    deadlineMarginMs: options.deadlineMarginMs ?? 500,
    trustAuthorizer: options.trustAuthorizer ?? true,
    rolesClaim: options.rolesClaim ?? 'roles',
    binaryTypes: options.binaryTypes ?? [],
  };
}
