/** What the conversion passes share: why a route stays (a reason code and words), and the app values it takes as DI tokens. */

/** Why a route stays in the legacy app: a code to sort and count by, and the words for a person. */
export interface Stay {
  ok: false;
  code: RemainderCode;
  reason: string;
}

export type RemainderCode =
  | 'UNRESOLVED_HANDLER' | 'UNSUPPORTED_RESPONSE' | 'IMPLICIT_DEPENDENCY' | 'CROSS_ROUTE_NEXT' | 'MIDDLEWARE' | 'PATH_SYNTAX'
  | 'NO_RESPONSE' | 'PASSES_REQUEST' | 'REQUEST_FIELD' | 'RESPONSE_FLOW' | 'ERROR_MIDDLEWARE' | 'LOCAL_DEPENDENCY' | 'DYNAMIC_MOUNT' | 'SHARED_STATE' | 'CONDITIONAL';

export const stay = (code: RemainderCode, reason: string): Stay => ({ ok: false, code, reason });

/**
 * A value the moved code takes from a module of the legacy app (a db, a store, a config object). It
 * becomes a DI token in the shared deps module, so each group injects it and a test can replace it.
 */
export interface SharedBinding {
  /** The module's file. */
  file: string;
  /** `default` (an ESM default import or a whole CommonJS module), or the exported name. */
  binding: string;
  /** Whether the module is required (CommonJS), so its named exports are read off the module object. */
  cjs: boolean;
  /** The name the moved code uses for it. */
  local: string;
  /** A default export of a module that may run compiled to CommonJS (interop.ts). */
  compiled?: boolean | undefined;
}

/** What a rewritten function is: a route's handler, a middleware (guard) or an error middleware. */
export type Role = 'handler' | 'guard' | 'errors';
