import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { planEnvironments } from './environment.js';
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
  /** What it runs with beside the shell's environment: carve.config.ts env (the app's, the unit's), then `.env`. */
  env: Record<string, string>;
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
  const { app, shape, config: loaded } = await loadShapeInput(options, 'run');
  const { config } = loaded;
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
    return { name: u.name, appModule, routes, fallback: legacy && single, env: {} };
  });
  const handlers = planned.map((u) => u.handlers);
  if (legacy && !single) {
    const appModule = join(dir, 'legacy.app.ts');
    writeFileSync(appModule, unitAppSource(resolve(options.app), [], false, true));
    units.push({ name: 'legacy', appModule, routes: [], fallback: true, env: {} });
    handlers.push([]);
  }
  // Every unit, the legacy one too, runs with the config's env and then .env.
  const { environments, warnings } = planEnvironments(app, loaded, units.map((u, i) => ({ name: u.name, handlers: handlers[i]! })), { name: 'dev' }, { checkSecrets: false });
  for (const warning of warnings) options.onWarning?.(warning);
  const dotEnv = readDotEnv(resolve(options.app));
  units.forEach((u, i) => (u.env = withoutShellValues({ ...environments[i]!.values, ...dotEnv })));
  return units;
}

/** `.env` beside the app module, else in the working directory (Node's own parser: `util.parseEnv`). */
function readDotEnv(appModule: string): Record<string, string> {
  const file = [join(dirname(appModule), '.env'), resolve('.env')].find((f) => existsSync(f));
  return file ? parseEnv(readFileSync(file, 'utf8')) as Record<string, string> : {};
}

/** A variable the shell sets wins over the config and `.env`, as dotenv has it. */
function withoutShellValues(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => process.env[name] === undefined));
}
