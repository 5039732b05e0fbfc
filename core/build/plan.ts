import type { App } from '../app.js';
import type { Handler } from '../handler.js';
import { UsageError } from './usage-error.js';

export const SHAPES = ['monolith', 'microservices', 'nanoservices', 'graphql'] as const;
/** The routes of the graphql shape's one unit. */
export const GRAPHQL_ROUTES = [{ method: 'GET', path: '/graphql' }, { method: 'POST', path: '/graphql' }];
export type Shape = (typeof SHAPES)[number] | 'custom';

/** `--shape`, checked: one line naming the shapes there are. */
export function checkShape(shape: string): Shape {
  const shapes: readonly string[] = [...SHAPES, 'custom'];
  if (!shapes.includes(shape)) throw new UsageError(`unknown shape "${shape}"; choose one of ${shapes.join(', ')}`);
  return shape as Shape;
}

/** What a shape leaves out of an app, as the module that serves the shape knows it (carve/graphql's left-out handlers). */
export type ShapeWarnings = (app: App, shape: Shape) => readonly string[] | Promise<readonly string[]>;

/** The build's and `carve dev`'s warnings about what the shape does not serve. */
export async function shapeWarningsOf(app: App, shape: Shape, more: ShapeWarnings | undefined): Promise<string[]> {
  const warnings = shape === 'graphql' && app.remainder !== undefined
    ? ['the graphql shape serves /graphql only: the legacy remainder (the routes carve split left in the legacy app) is not served']
    : [];
  return [...warnings, ...((await more?.(app, shape)) ?? [])];
}

/** Custom grouping (`carve.config.ts` `groups`), like Service Weaver's colocation groups. */
export interface GroupsConfig {
  [unit: string]: { resources?: string[] | undefined; handlers?: string[] | undefined };
}

export interface UnitPlan {
  name: string;
  handlers: Handler[];
}

const UNIT_NAME = /^[a-z][a-z0-9-]{0,47}$/;

/**
 * Turns an app into units. `monolith`: one; `microservices`: one per resource; `nanoservices`: one per
 * handler; `graphql`: one, every handler behind `/graphql`; `custom`: the named groups, then one unit per
 * resource for whatever no group took.
 */
export function planUnits(app: App, shape: Shape, groups: GroupsConfig = {}): UnitPlan[] {
  const handlers = app.handlers;
  if (shape === 'monolith') return [{ name: unitName(app.name), handlers: [...handlers] }];
  if (shape === 'graphql') return [{ name: 'graphql', handlers: [...handlers] }];
  if (shape === 'nanoservices') return handlers.map((h) => ({ name: unitName(h.id), handlers: [h] }));
  const units: UnitPlan[] = [];
  const taken = new Set<Handler>();
  if (shape === 'custom') {
    for (const [name, group] of Object.entries(groups)) {
      const picked = handlers.filter((h) => !taken.has(h) && (group.resources?.includes(h.resource) || group.handlers?.includes(h.id)));
      for (const unknown of [...(group.handlers ?? []).filter((id) => !handlers.some((h) => h.id === id)),
        ...(group.resources ?? []).filter((r) => !handlers.some((h) => h.resource === r))]) {
        throw new TypeError(`carve.config groups.${name}: ${app.name} has no handler or resource "${unknown}"`);
      }
      picked.forEach((h) => taken.add(h));
      if (picked.length > 0) units.push({ name: unitName(name), handlers: picked });
    }
  }
  const byResource = new Map<string, Handler[]>();
  for (const h of handlers) if (!taken.has(h)) byResource.set(h.resource, [...(byResource.get(h.resource) ?? []), h]);
  for (const [resource, list] of byResource) units.push({ name: unitName(resource), handlers: list });
  const names = new Set<string>();
  for (const u of units) {
    if (names.has(u.name)) throw new TypeError(`two units are both named "${u.name}"; rename a group`);
    names.add(u.name);
  }
  return units;
}

/** `postGrades` → `post-grades`: valid as a Lambda function, an Azure app and a folder name. */
export function unitName(text: string): string {
  const name = text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const valid = /^[a-z]/.test(name) ? name : `unit-${name}`;
  if (!UNIT_NAME.test(valid.slice(0, 48))) throw new TypeError(`cannot make a unit name from "${text}"`);
  return valid.slice(0, 48);
}
