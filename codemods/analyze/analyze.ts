import { relative } from 'node:path';
import type { Expression, Node } from 'ts-morph';
import { mountTree } from './mount-tree.js';
import { loadProject } from './project.js';
import { collectRegistrations } from './registrations.js';
import { findRoutables, type HandlerFunction } from './routables.js';
import { walkRoutes, type Carrier } from './routes.js';
import { sharedState } from './shared-state.js';
import type { Analysis, RouteInfo, Warning } from './types.js';

export type { Carrier } from './routes.js';
export type { HandlerFunction } from './routables.js';

/**
 * Finds every route of the Express app(s) in `dir`, statically: receivers are resolved through the
 * TypeScript checker (so `db.get(sql)` is never a route), mounts are followed across files (CJS, ESM,
 * TypeScript `paths`), and middleware order and param scoping are kept as Express applies them.
 */
export function analyze(dir: string): Analysis {
  return analyzeProject(dir).analysis;
}

/** The analysis plus what a transform needs: each route's handler function and the root apps. */
export interface ProjectAnalysis {
  analysis: Analysis;
  handlers: Map<RouteInfo, HandlerFunction>;
  /** Each route's middleware expressions, in the order of `route.middleware` (a param() loader's is its function). */
  middleware: Map<RouteInfo, (Expression | undefined)[]>;
  /** The error middleware that would answer a route's errors, in the order Express tries them (`route.errorHandlers`). */
  errorMiddleware: Map<RouteInfo, Expression[]>;
  /** The root Express app declarations (not mounted by another), with the file they live in. */
  roots: Node[];
  /** Every app and router declaration. */
  routables: Node[];
  /** How each route runs as it is, through `carve/compat/express`: what is in front of it, and its router or registration. */
  carriers: Map<RouteInfo, Carrier>;
}

/** The passes, in order: project loading, receivers, registrations, the mount tree, the routes, shared state. */
export function analyzeProject(dir: string): ProjectAnalysis {
  const { files, skipped } = loadProject(dir);
  const warnings: Warning[] = [];
  const where = (node: Node) => ({ file: relative(dir, node.getSourceFile().getFilePath()), line: node.getStartLineNumber() });
  const warn = (code: string, node: Node, message: string) => warnings.push({ code, ...where(node), message });
  for (const { file, reason } of skipped) warnings.push({ code: 'SKIPPED_FILE', file, line: 1, message: `${file} is ${reason} and names express: not read; analyze its sources instead` });

  const routables = findRoutables(files, dir);
  const settingsOf = collectRegistrations(files, routables, warn);
  const { roots, dynamicVia } = mountTree(routables);
  const { routes, handlerOf, middlewareOf, errorMiddlewareOf, carrierOf } = walkRoutes(roots, routables, dynamicVia, settingsOf, warn, where);

  warnings.push(...sharedState(handlerOf, dir));
  const groups = new Map<string, string[]>();
  for (const r of routes) groups.set(r.group, [...(groups.get(r.group) ?? []), `${r.method} ${r.path}`]);
  warnings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));
  return { analysis: { routes, groups: [...groups].map(([name, list]) => ({ name, routes: list })), warnings }, handlers: handlerOf, middleware: middlewareOf, errorMiddleware: errorMiddlewareOf, carriers: carrierOf, roots: roots.map((r) => r.decl), routables: [...routables.keys()] };
}
