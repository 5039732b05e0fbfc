import type { App } from 'carve';
import { answer, type CarveResponse } from 'carve/adapter';
import { processorFor } from './detect.js';
import { gatewayJwt } from './gateway-auth.js';
import type { LambdaContext, LambdaHttpEvent, LambdaHttpResult } from './events.js';
import { resolveOptions, type LambdaHandlerOptions } from './options.js';

export type CarveLambdaHandler = (event: LambdaHttpEvent, context: LambdaContext) => Promise<LambdaHttpResult>;

/**
 * A Lambda handler for API Gateway REST (v1), HTTP API (1.0 and 2.0), ALB and Function URL events.
 * It is `async (event, context)` (arity 2, as the Node 24 runtime requires) and keeps no state
 * between invocations: everything it knows of one lives in that request.
 *
 * @example
 * export const handler = toLambdaHandler(app);
 */
export function toLambdaHandler(app: App, options: LambdaHandlerOptions = {}): CarveLambdaHandler {
  // Behind the JWT authorizer carve build puts in front, roles come from the claims it hands on, by jwtAuth's claim.
  const gatewayRoles = gatewayJwt(app)?.rolesClaim;
  const resolved = resolveOptions({ ...(gatewayRoles ? { rolesClaim: gatewayRoles } : {}), ...options });
  const fallback = options.fallback;
  if (app.remainder && !fallback) {
    throw new TypeError(`${app.name} has a legacy remainder: pass toLambdaHandler(app, { fallback: legacyHandler(app.remainder) }) with legacyHandler from carve/aws/legacy`);
  }
  // One set of options for every invocation: the deadline is read from the request's own context, and only if it waits.
  const handleOptions = {
    fallthrough: fallback !== undefined,
    timeoutMs: (incoming: { raw?: unknown }) => {
      const ctx = lambdaRequestOf(incoming as { raw: unknown })?.context;
      const remaining = typeof ctx?.getRemainingTimeInMillis === 'function' ? ctx.getRemainingTimeInMillis() : undefined;
      return remaining === undefined ? undefined : Math.max(0, remaining - resolved.deadlineMarginMs);
    },
  };
  if (!fallback) {
    return async function handler(event: LambdaHttpEvent, context: LambdaContext): Promise<LambdaHttpResult> {
      if (isWarmup(event)) return WARMED;
      const processor = processorFor(event);
      const answered = answer(app, processor.request(event as never, context ?? {}, resolved), handleOptions);
      // Not awaited when it is the response already: a warm request that never waits costs one promise, this function's.
      // Its own return, with no other value beside it: V8 sees the result's shape and skips looking for a `then` on it.
      return processor.result((answered instanceof Promise ? await answered : answered)!, event as never, resolved);
    };
  }
  // In front of a legacy app (strangler fig): what no route matches goes to it.
  return async function stranglerHandler(event: LambdaHttpEvent, context: LambdaContext): Promise<LambdaHttpResult> {
    if (isWarmup(event)) return WARMED;
    const processor = processorFor(event);
    const ctx = context ?? {};
    const answered = answer(app, processor.request(event as never, ctx, resolved), handleOptions);
    const response: CarveResponse | undefined = answered instanceof Promise ? await answered : answered;
    return response ? processor.result(response, event as never, resolved) : ((await fallback(event, ctx)) as LambdaHttpResult);
  };
}

/** A scheduled warm-up (carve build --warmup), answered without running any handler. */
const isWarmup = (event: unknown): boolean => (event as { carve?: unknown } | null)?.carve === 'warmup';
const WARMED = Object.freeze({ warmed: true }) as unknown as LambdaHttpResult;

/** The Lambda event and context a request came from, for handlers that need an escape hatch. */
export function lambdaRequestOf(request: { raw: unknown }): { event: LambdaHttpEvent; context: LambdaContext } | undefined {
  const raw = request.raw as { event?: LambdaHttpEvent | undefined; context?: LambdaContext | undefined } | undefined;
  return raw?.event && raw.context ? { event: raw.event, context: raw.context } : undefined;
}
