import type { Node } from 'ts-morph';

export interface RouteInfo {
  method: string;
  /** The full path, Express syntax, as composed from every mount above it. */
  path: string;
  file: string;
  line: number;
  /** Middleware that runs before the handler, outermost first (app-level, router-level, per-route). */
  middleware: string[];
  /** What the handler touches: `req.params`, `res.json`, `next`, … */
  uses: string[];
  /** The resource the route would move to. */
  group: string;
  /** Why it cannot be converted as it is, if anything. */
  blockers: string[];
  /** Error middleware (4 arguments) that would get its errors in Express, in the order tried: its own router's
   * after it, then each router above it after the mount (path-scoped ones only under their path). */
  errorHandlers: string[];
}

export interface Warning {
  code: string;
  file: string;
  line: number;
  message: string;
}

/** How a pass reports what it noticed about a node (its file and line are the node's). */
export type Warn = (code: string, node: Node, message: string) => void;

export interface Analysis {
  routes: RouteInfo[];
  groups: { name: string; routes: string[] }[];
  warnings: Warning[];
}

/** A problem with the input itself: no Express app, unparsable files, an unsupported framework. */
export class AnalyzeError extends Error {
  override readonly name = 'AnalyzeError';
}
