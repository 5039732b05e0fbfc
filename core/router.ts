import { BadRequest } from './errors.js';

export interface RouteEntry<T> {
  readonly method: string;
  readonly template: string;
  readonly value: T;
}

interface Route<T> extends RouteEntry<T> {
  /** Parameter names in path order; the last one is greedy when `greedy` is true. */
  readonly paramNames: readonly string[];
}

interface Node<T> {
  statics: Map<string, Node<T>>;
  /** The statics as a list, for comparing a segment's text with each (no hash) while there are few of them. */
  staticList: { name: string; node: Node<T> }[];
  param?: Node<T> | undefined;
  greedy: Map<string, Route<T>>;
  routes: Map<string, Route<T>>;
}

export type RouteMatch<T> =
  | { kind: 'found'; route: RouteEntry<T>; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

const PARAM = /^\{([A-Za-z_][A-Za-z0-9_]*)(\+)?\}$/;
export const ANY = 'ANY';

const NOT_FOUND: RouteMatch<never> = Object.freeze({ kind: 'not-found' });

/** The one template every route of a router has (a nanoservice's unit), as a regular expression for the common path. */
interface OnlyTemplate<T> {
  template: string;
  /** Matches the paths with no escape the template matches; undefined for a greedy template, or one with escaped text. */
  pattern: RegExp | undefined;
  /** Each segment's length, PARAM_LENGTH for a parameter's. */
  lengths: readonly number[];
  /** Its routes by method. */
  routes: Map<string, Route<T>>;
}
const PARAM_LENGTH = -1;

// What a static segment may be for the template's expression: characters a path carries as they are (no escape).
const PLAIN_SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]+$/;

const newNode = <T>(): Node<T> => ({ statics: new Map(), staticList: [], greedy: new Map(), routes: new Map() });
// Up to this many static names a node compares a segment's text with each of them; beyond it, hashes it.
const FEW_STATICS = 8;

/**
 * A segment trie for path templates such as `/courses/{courseId}` and `/files/{path+}`.
 * Static segments win over parameters, parameters over greedy tails, with backtracking;
 * percent-escapes are decoded exactly once, per segment, so `%2F` never splits a parameter.
 */
export class Router<T> {
  readonly #root: Node<T> = newNode();
  readonly #entries: RouteEntry<T>[] = [];
  // The parameter values of the walk under way, by position: match() is synchronous, so one list serves every call.
  readonly #values: string[] = [];
  /** Whether the path of the walk under way has a percent-escape anywhere (most have none). */
  #escapes = false;
  /** While every route has one template, that template. */
  #only: OnlyTemplate<T> | undefined;

  add(method: string, template: string, value: T): void {
    const segments = splitTemplate(template);
    const paramNames: string[] = [];
    let node = this.#root;
    let greedy = false;
    segments.forEach((segment, index) => {
      const param = PARAM.exec(segment);
      if (!param) {
        if (segment.includes('{') || segment.includes('}')) {
          throw new TypeError(`route ${template}: segment "${segment}" must be a whole {name} or {name+}`);
        }
        let next = node.statics.get(segment);
        if (!next) {
          node.statics.set(segment, (next = newNode()));
          node.staticList.push({ name: segment, node: next });
        }
        node = next;
        return;
      }
      const name = param[1]!;
      if (paramNames.includes(name)) throw new TypeError(`route ${template}: parameter {${name}} appears twice`);
      paramNames.push(internalized(name));
      if (param[2]) {
        if (index !== segments.length - 1) throw new TypeError(`route ${template}: a greedy {${name}+} must be the last segment`);
        greedy = true;
        return;
      }
      node = node.param ??= newNode();
    });
    const table = greedy ? node.greedy : node.routes;
    if (table.has(method)) throw new TypeError(`route ${method} ${template} is defined twice`);
    const route: Route<T> = { method, template, value, paramNames };
    table.set(method, route);
    this.#only = this.#entries.length === 0 ? onlyTemplate(template, segments, greedy, table) : this.#only?.template === template ? this.#only : undefined;
    this.#entries.push(route);
  }

  get entries(): readonly RouteEntry<T>[] {
    return this.#entries;
  }

  match(method: string, path: string): RouteMatch<T> {
    // One template (a nanoservice's unit): a path it matches with no escape is one run of native code, not a walk (a
    // static segment compared in JavaScript costs ~300 instructions). Anything else, a 405 say, walks the trie.
    const only = this.#only;
    if (only?.pattern?.test(path)) {
      const route = pick(only.routes, method, undefined);
      if (route) return cut(route, only.lengths, path);
    }
    if (path.charCodeAt(0) !== SLASH) return NOT_FOUND;
    // Segments are read off the path by offset (no array of them): the walk ends at `end`, one trailing slash off.
    const end = path.length > 1 && path.charCodeAt(path.length - 1) === SLASH ? path.length - 1 : path.length;
    const first = end === 1 ? NO_SEGMENT : 1;
    this.#escapes = path.indexOf('%') !== -1;
    const found = this.#walk(this.#root, path, first, end, 0, method, undefined);
    if (found) return found;
    // A miss walks again, collecting the methods the path has: a hit never pays for that set.
    const allowed = new Set<string>();
    this.#walk(this.#root, path, first, end, 0, method, allowed);
    if (allowed.size === 0) return NOT_FOUND;
    return { kind: 'method-not-allowed', allowed: [...allowed].sort(byMethodOrder) };
  }

  /** Walks from the segment starting at `start` (NO_SEGMENT or past `end`: none left). */
  #walk(node: Node<T>, path: string, start: number, end: number, count: number, method: string,
    allowed: Set<string> | undefined): RouteMatch<T> | undefined {
    const values = this.#values;
    if (start > end) {
      const hit = pick(node.routes, method, allowed);
      if (hit) return found(hit, values);
      return undefined;
    }
    // A segment that ends at a slash has another after it, empty or not; the last one ends at `end`.
    let stop = path.indexOf('/', start);
    if (stop === -1 || stop >= end) stop = end;
    const next = stop === end ? end + 1 : stop + 1;
    const decoded = this.#escapes && escapedBetween(path, start, stop) ? decodeSegment(path.slice(start, stop)) : undefined;
    // The segment's text, cut once for the static names and the parameter both (comparing in place, with startsWith,
    // costs more than the cut: ~300 instructions against ~120).
    let text = decoded;
    let staticNode: Node<T> | undefined;
    if (node.statics.size > 0) {
      text ??= path.slice(start, stop);
      staticNode = decoded === undefined && node.statics.size <= FEW_STATICS ? staticNamed(node.staticList, text) : node.statics.get(text);
    }
    if (staticNode) {
      const hit = this.#walk(staticNode, path, next, end, count, method, allowed);
      if (hit) return hit;
    }
    if (node.param && stop > start) {
      values[count] = text ?? path.slice(start, stop);
      const hit = this.#walk(node.param, path, next, end, count + 1, method, allowed);
      if (hit) return hit;
    }
    if (node.greedy.size > 0) {
      const hit = pick(node.greedy, method, allowed);
      if (hit) {
        const rest = path.slice(start, end).split('/').map(decodeSegment).join('/');
        const tail = end < path.length ? '/' : '';
        values[count] = rest + tail;
        return found(hit, values);
      }
    }
    return undefined;
  }
}

const SLASH = 0x2f;
// The start offset of a path with no segments ("/"): past any end.
const NO_SEGMENT = Number.MAX_SAFE_INTEGER;

function escapedBetween(path: string, start: number, stop: number): boolean {
  const percent = path.indexOf('%', start);
  return percent !== -1 && percent < stop;
}

/** The static child of that name, among a few (compared one by one: a segment's text is hashed for none of them). */
function staticNamed<T>(list: readonly { name: string; node: Node<T> }[], text: string): Node<T> | undefined {
  for (let i = 0; i < list.length; i++) if (list[i]!.name === text) return list[i]!.node;
  return undefined;
}

function pick<T>(routes: Map<string, Route<T>>, method: string, allowed: Set<string> | undefined): Route<T> | undefined {
  if (routes.size === 0) return undefined;
  const hit = routes.get(method) ?? routes.get(ANY) ?? (method === 'HEAD' ? routes.get('GET') : undefined);
  if (hit || !allowed) return hit;
  for (const m of routes.keys()) allowed.add(m);
  if (routes.has('GET')) allowed.add('HEAD');
  return undefined;
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const rank = (method: string) => (METHOD_ORDER.indexOf(method) + METHOD_ORDER.length + 1) % (METHOD_ORDER.length + 1);
const byMethodOrder = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);

/** The parameters of a path the template's expression matched, cut at its slashes: statics are skipped by length. */
function cut<T>(route: Route<T>, lengths: readonly number[], path: string): RouteMatch<T> {
  const params: Record<string, string> = {};
  const names = route.paramNames;
  let start = 1;
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    if (length !== PARAM_LENGTH) {
      start += length + 1;
      continue;
    }
    let stop = path.indexOf('/', start);
    if (stop === -1) stop = path.length;
    params[names[at++]!] = path.slice(start, stop);
    start = stop + 1;
  }
  return { kind: 'found', route, params };
}

/**
 * The template's segments classified once: each one's length (PARAM_LENGTH for a parameter), and the template as a
 * regular expression over paths with no escape: its static segments as they are, each parameter a non-empty run of
 * anything but `/` and `%`, one trailing slash allowed (as the walk allows). No expression for a greedy template, nor
 * for one with a static segment a path would carry escaped.
 */
function onlyTemplate<T>(template: string, segments: readonly string[], greedy: boolean, routes: Map<string, Route<T>>): OnlyTemplate<T> {
  const lengths: number[] = [];
  let source = '';
  let plain = !greedy;
  for (const segment of segments) {
    if (PARAM.test(segment)) {
      lengths.push(PARAM_LENGTH);
      source += '/[^/%]+';
    } else {
      lengths.push(segment.length);
      plain &&= PLAIN_SEGMENT.test(segment);
      source += `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    }
  }
  return { template, pattern: plain ? new RegExp(`^${source || '/'}${source ? '/?' : ''}$`) : undefined, lengths, routes };
}

function found<T>(route: Route<T>, values: string[]): RouteMatch<T> {
  const params: Record<string, string> = {};
  const names = route.paramNames;
  for (let i = 0; i < names.length; i++) params[names[i]!] = values[i]!;
  return { kind: 'found', route, params };
}

/**
 * The same name as V8 keeps a property key (internalized): `found` stores each value under its name, and a store
 * under a name cut from a template by a regular expression takes V8's generic path (~300 instructions a match).
 */
function internalized(name: string): string {
  return Object.keys({ [name]: true })[0]!;
}

function splitTemplate(template: string): string[] {
  if (!template.startsWith('/')) throw new TypeError(`route "${template}" must start with "/"`);
  return template === '/' ? [] : template.replace(/\/$/, '').slice(1).split('/');
}

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequest(`malformed percent-encoding in path segment ${JSON.stringify(segment.slice(0, 64))}`);
  }
}
