import type { AuthPolicy } from './auth/authenticator.js';
import type { Principal } from './auth/principal.js';
import { definingModule } from './source.js';
import type { Logger } from './log.js';
import type { QueryRecord } from './query.js';
import type { Reply } from './reply.js';
import type { CarveRequest } from './request.js';
import { isSchema, type Schema, type SchemaInput, type SchemaOutput } from './schema.js';
import type { Deps, Resolved } from './token.js';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Parsed<S, Fallback> = S extends Schema ? SchemaOutput<S> : Fallback;

export interface HandlerSpec<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  H extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
  D extends Deps = Deps,
  A extends AuthPolicy = AuthPolicy,
> {
  /** An HTTP method, or `ANY` for every method. */
  method: HttpMethod | 'ANY';
  /** A path template: `/courses/{courseId}`, or a greedy tail `/files/{path+}`. */
  path: string;
  /** A stable name (OpenAPI operationId, GraphQL field, nanoservice unit). Default: from method and path. */
  id?: string;
  /** The resource (microservice) it belongs to. Default: the first path segment. */
  resource?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  /** Who may call it. Default `'authenticated'`: a handler is public only when it says so. */
  auth?: A;
  params?: P;
  query?: Q;
  headers?: H;
  body?: B;
  response?: R;
  /** The status of a successful plain return value. Default 200. */
  status?: number;
  /** Media types the body may have. Default JSON and urlencoded forms. */
  accepts?: readonly string[];
  /** A lower body limit than the app's, in bytes. */
  bodyLimit?: number;
  /** Dependencies, resolved from the DI container for each call. */
  inject?: D;
  /**
   * How the GraphQL shape exposes it: `false` leaves it out (cookies, bytes, streams); otherwise the
   * operation (default: GET → query, others → mutation) and field name (default: the id).
   */
  graphql?: false | { operation?: 'query' | 'mutation'; field?: string };
}

export interface HandlerInput<P, Q, H, B, A> {
  params: Parsed<P, Record<string, string>>;
  query: Parsed<Q, QueryRecord>;
  headers: Parsed<H, Readonly<Record<string, string>>>;
  /** The parsed, validated body; without a `body` schema, read `request.body` for the bytes. */
  body: Parsed<B, undefined>;
  principal: A extends 'public' ? Principal | undefined : Principal;
  request: CarveRequest;
  log: Logger;
}

export type HandlerReturn<R> = R extends Schema ? SchemaInput<R> | Reply : unknown;

export type HandlerFunction<P, Q, H, B, R, D extends Deps, A> = (
  input: HandlerInput<P, Q, H, B, A>,
  deps: Resolved<D>,
) => HandlerReturn<R> | Promise<HandlerReturn<R>>;

/** A handler: one operation, knowing nothing of Express, AWS or Azure. */
export interface Handler {
  readonly kind: 'carve.handler';
  readonly id: string;
  readonly method: HttpMethod | 'ANY';
  readonly path: string;
  readonly resource: string;
  readonly spec: HandlerSpec<Schema | undefined, Schema | undefined, Schema | undefined, Schema | undefined, Schema | undefined, Deps, AuthPolicy>;
  readonly run: (input: HandlerInput<unknown, unknown, unknown, unknown, unknown>, deps: Record<string, unknown>) => unknown;
  /** The file that defined it; recorded only while `carve build` loads an app (CARVE_RECORD_SOURCES=1). */
  readonly source?: string | undefined;
}

/**
 * Defines one operation. Input types come from the schemas (any Standard Schema validator: zod, valibot,
 * arktype…); dependencies come from `inject`.
 *
 * @example
 * export const getCourse = handler({
 *   method: 'GET', path: '/courses/{courseId}',
 *   params: z.object({ courseId: z.string() }),
 *   inject: { courses: CourseRepo },
 * }, ({ params }, { courses }) => courses.get(params.courseId) ?? notFound());
 */
export function handler<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  H extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
  D extends Deps = Record<never, never>,
  const A extends AuthPolicy = 'authenticated',
>(spec: HandlerSpec<P, Q, H, B, R, D, A>, fn: HandlerFunction<P, Q, H, B, R, D, A>): Handler {
  const method = spec.method.toUpperCase() as HttpMethod | 'ANY';
  if (method !== 'ANY' && !(HTTP_METHODS as readonly string[]).includes(method)) {
    throw new TypeError(`handler ${spec.method} ${spec.path}: unknown method "${spec.method}"`);
  }
  for (const part of SCHEMA_PARTS) {
    if (spec[part] !== undefined && !isSchema(spec[part])) {
      throw new TypeError(`handler ${method} ${spec.path}: ${part} is not a schema; give a Standard Schema validator such as z.object({ … }) (zod), v.object({ … }) (valibot) or type({ … }) (arktype)`);
    }
  }
  const resource = spec.resource ?? resourceOf(spec.path);
  if (!/^[a-z][a-z0-9-]*$/.test(resource)) {
    throw new TypeError(`handler ${method} ${spec.path}: resource "${resource}" must be lower-case letters, digits and dashes`);
  }
  return {
    kind: 'carve.handler',
    id: spec.id ?? defaultId(method, spec.path),
    method,
    path: spec.path,
    resource,
    spec: spec as Handler['spec'],
    run: fn as Handler['run'],
    source: definingModule(),
  };
}

const SCHEMA_PARTS = ['params', 'query', 'headers', 'body', 'response'] as const;

export function isHandler(value: unknown): value is Handler {
  return typeof value === 'object' && value !== null && (value as Handler).kind === 'carve.handler';
}

/** `/students/{id}/grades` → `students`; a path that starts with a parameter → `root`. */
export function resourceOf(path: string): string {
  const first = path.split('/').find((s) => s !== '');
  if (!first || first.startsWith('{')) return 'root';
  // A resource name starts with a letter: `/404` is the resource `route-404` (as carve split names it).
  return (first.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'root').replace(/^(?=\d)/, 'route-');
}

/** `GET /courses/{courseId}/grades` → `getCoursesByCourseIdGrades`. */
export function defaultId(method: string, path: string): string {
  const words = [method === 'ANY' ? 'any' : method.toLowerCase()];
  for (const segment of path.split('/')) {
    if (segment === '') continue;
    const param = /^\{(\w+)\+?\}$/.exec(segment);
    if (param) words.push('by', ...splitWords(param[1]!));
    else words.push(...splitWords(segment));
  }
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
}

function splitWords(text: string): string[] {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter(Boolean);
}
