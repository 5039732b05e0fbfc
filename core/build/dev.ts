import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GRAPHQL_ROUTES, planUnits, shapeWarningsOf, type ShapeWarnings } from './plan.js';
import { loadShapeInput } from './shape-input.js';
import { unitAppSource } from './unit-app.js';

/** One unit `carve dev` starts: a module whose default export is the unit's app, and the routes it owns. */
export interface DevUnitPlan {
  name: string;
  appModule: string;
  routes: { method: string; path: string }[];
  /** It gets every request no other unit's route matches (a split app's legacy remainder). */
  fallback: boolean;
}

/**
 * The units `carve dev` starts for a shape, each with its app module written to `.carve/dev-*` in the
 * working directory (inside the project, so `carve` and the app's packages resolve from it).
 */
export async function planDev(options: {
  app: string; shape: string; config?: string | undefined;
  /** What the shape leaves out (as for `buildApp`), each said to `onWarning`. */
  shapeWarnings?: ShapeWarnings | undefined; onWarning?: ((warning: string) => void) | undefined;
}): Promise<DevUnitPlan[]> {
  const { app, shape, config: { config } } = await loadShapeInput(options, 'run');
  for (const warning of await shapeWarningsOf(app, shape, options.shapeWarnings)) options.onWarning?.(warning);
  mkdirSync(resolve('.carve'), { recursive: true });
  const dir = mkdtempSync(resolve('.carve', 'dev-'));
  const graphql = shape === 'graphql';
  const legacy = app.remainder !== undefined && !graphql;
  const planned = planUnits(app, shape, config.groups);
  const single = planned.length === 1;
  const units = planned.map((u): DevUnitPlan => {
    const ids = u.handlers.map((h) => h.id);
    const appModule = join(dir, `${u.name}.app.ts`);
    // A single unit carries the legacy remainder itself; otherwise a unit of its own does.
    writeFileSync(appModule, unitAppSource(resolve(options.app), ids, graphql, legacy && single));
    const routes = graphql ? GRAPHQL_ROUTES : u.handlers.map((h) => ({ method: h.method, path: h.path }));
    return { name: u.name, appModule, routes, fallback: legacy && single };
  });
  if (legacy && !single) {
    const appModule = join(dir, 'legacy.app.ts');
    writeFileSync(appModule, unitAppSource(resolve(options.app), [], false, true));
    units.push({ name: 'legacy', appModule, routes: [], fallback: true });
  }
  return units;
}
