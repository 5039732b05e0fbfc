import type { App } from '../app.js';
import type { Access } from '../resource.js';
import type { Shape } from './plan.js';
import type { StandardSchemaV1 } from '@standard-schema/spec';

export interface RouteRef {
  method: string;
  path: string;
}

/** One unit as it was built. */
export interface BuiltUnit {
  name: string;
  handlerIds: string[];
  routes: RouteRef[];
  /** The unit's folder, absolute. */
  dir: string;
  /** The entry file inside the unit's folder (`index.js`, `server.js`). */
  entry: string;
  bundleBytes: number;
  gzipBytes: number;
  /** Native packages left out of the bundle, with their versions. */
  externals: Record<string, string>;
  /** Input modules in the bundle, from the esbuild metafile. */
  modules: number;
  /** It serves the app's legacy remainder: whatever no other unit's route matches. */
  remainder: boolean;
}

export interface EmitContext<Settings = Record<string, unknown>> {
  app: App;
  shape: Shape;
  /** `--stage`, when the build was given one. */
  stage?: string | undefined;
  /** The shape's output folder, absolute. */
  outDir: string;
  units: BuiltUnit[];
  /** The target's settings: `carve.config.ts` under the target's name, parsed by its `settings` schema. */
  settings: Settings;
  /** Bundles one of the target's own modules (a gateway, say) into a single ESM file and returns its code. */
  bundle(module: string): Promise<string>;
  /** What a unit runs with: `carve.config.ts` env (the app's, then the unit's) and the secrets its handlers reach. */
  environment(unit: BuiltUnit): UnitEnvironment;
  /** What a unit may do: the resources its handlers reach, and the target's policy statements for them. */
  permissions(unit: BuiltUnit): UnitPermissions;
}

export interface UnitPermissions {
  /** The cloud resources its handlers reach (`resource(name, access)` in providers' `uses`), by name. */
  resources: Record<string, Access>;
  /** The target's policy statements for them (`resourcePolicy`), in order; none where the target has none. */
  statements: unknown[];
}

export interface UnitEnvironment {
  /** Plain values, by variable name. */
  values: Record<string, string>;
  /** The secrets its handlers reach, by variable name: the target's reference to each (`secretReference`), or `''` where the target has none. */
  secrets: Record<string, string>;
}

/** What `--requests` and `--duration-ms` ask the cost estimate for. */
export interface Usage {
  requestsPerMonth: number;
  averageDurationMs: number;
}

export interface CostEstimate extends Usage {
  coldStartsPerMonth: number;
  /** Line items in US dollars, and their `total`. */
  usd: { [item: string]: number; total: number };
}

/** What a target's deploy commands are written for: the built units, in their final folder. */
export interface DeployContext<Settings = Record<string, unknown>> {
  app: App;
  shape: Shape;
  /** `--stage`, when the build was given one. */
  stage?: string | undefined;
  /** The shape's output folder as the user reaches it from where they ran the build (`dist/aws/microservices`). */
  dir: string;
  units: readonly BuiltUnit[];
  settings: Settings;
}

/** Files to write: path relative to the shape folder → content. */
export type Files = Record<string, string>;

/**
 * A target: where units run. One folder per target (`adapters/<name>/`) holds its runtime and this
 * descriptor, which tells `carve build` how to package a unit for it. The entry and probe are real modules
 * of the target, bundled by the build; core knows no target by name.
 */
export interface TargetDescriptor<Settings = Record<string, unknown>> {
  /** What `--target` calls it, and the output folder's name. */
  name: string;
  entry: {
    /** The entry file's name in each unit folder (`index.js`, `server.js`). */
    file: string;
    /** The runtime entry module, absolute: it imports the unit's app from `carve/build/unit` and serves it. */
    module: string;
    /** The entry of the unit that also serves a split app's legacy remainder; default `module`. */
    remainder?: string | undefined;
  };
  bundle?: {
    /** esbuild's `target`; default `node20`. */
    target?: string | undefined;
    /** esbuild's `platform`; default `node`. */
    platform?: 'node' | 'neutral' | 'browser' | undefined;
    /** Export conditions of the runtime (`bun`, `workerd`), tried before the build's own. */
    conditions?: readonly string[] | undefined;
    /** Packages never bundled: the platform loads them itself (listed as unit dependencies). */
    external?: readonly string[] | undefined;
  } | undefined;
  /**
   * Options of the Node process the platform runs each unit in (`--enable-source-maps`, so stack traces name the
   * sources), from the target's settings: the target writes them into its deployment files; the cold-start probe
   * runs with them.
   */
  nodeOptions?(settings: Settings): readonly string[];
  /** The settings `carve.config.ts` may give under the target's name, with their defaults (zod, valibot, …). */
  settings?: StandardSchemaV1<unknown, Settings> | undefined;
  /**
   * When the platform routes by method and path (API Gateway), a unit of this name is added to every
   * multi-unit shape: all routes, as route-only stubs, so unmatched requests get carve's 404 and 405.
   */
  fallbackUnit?: string | undefined;
  /** Refuses, before anything is written, an app the platform cannot serve, or settings it cannot apply to it (throws with the reason). */
  check?(app: App, settings: Settings): void;
  /** The deployment files, units already built. */
  emit(context: EmitContext<Settings>): Files | Promise<Files>;
  /**
   * The platform's reference to a secret kept where `reference` (`carve.config.ts` `secrets.<name>.<target>`) says:
   * the value of the unit's environment variable (`{{resolve:ssm:/shop/key}}`). Throws with the reason when the
   * reference is not one the target takes. Without it, a unit reads its secrets from the environment it is started in.
   */
  secretReference?(name: string, reference: unknown): string;
  /**
   * The policy statements that give `access` to the resource `reference` (`carve.config.ts` `resources.<name>.<target>`)
   * names (IAM statements on AWS). Throws with the reason when the reference is not one the target takes.
   */
  resourcePolicy?(name: string, reference: unknown, access: Access): unknown[];
  /** The reason a unit's environment (values and secret references, by name) is one the platform refuses (Lambda's 4 KB). */
  checkEnvironment?(environment: Readonly<Record<string, string>>, settings: Settings): string | undefined;
  /** The commands that deploy what was built (or run it, for a server target), printed after a build. */
  deploy?(context: DeployContext<Settings>): string[];
  /** Warnings for units or settings the platform would refuse or cut short. */
  limits?(context: EmitContext<Settings>): string[];
  /** A monthly cost estimate for this shape, from list prices. */
  cost?(context: EmitContext<Settings>, usage: Usage, coldStartMs: readonly number[]): CostEstimate;
  /**
   * The cold-start probe module, absolute: run in a fresh Node process as `<probe> <unit dir> <method> <path>`,
   * it loads the unit, answers one request and prints `coldStartMs=<n>`, timed from its first line.
   */
  probe?: string | undefined;
}

/** Declares a target; the identity, typed (as Nitro's `defineNitroPreset`). */
export function defineTarget<Settings>(descriptor: TargetDescriptor<Settings>): TargetDescriptor<Settings> {
  return descriptor;
}

/** Whether a module's default export is a target descriptor (for `--target ./my-target.js`). */
export function isTargetDescriptor(value: unknown): value is TargetDescriptor<unknown> {
  const d = value as Partial<TargetDescriptor<unknown>> | null;
  return typeof d === 'object' && d !== null && typeof d.name === 'string' && typeof d.emit === 'function'
    && typeof d.entry === 'object' && d.entry !== null && typeof d.entry.file === 'string' && typeof d.entry.module === 'string';
}
