import type { App } from '../app';
import type { Shape } from './plan';

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

export interface EmitContext {
  app: App;
  shape: Shape;
  /** The shape's output folder, absolute. */
  outDir: string;
  units: BuiltUnit[];
  settings: BuildSettings;
}

/** Deployment settings from carve.config (`aws`, …) with defaults. */
export interface BuildSettings {
  memoryMb: number;
  timeoutSeconds: number;
  runtime: string;
  routePrefix: string;
  warmup: boolean;
}

/**
 * What a target (aws, azure, express) contributes to a build: each unit's entry module and the
 * deployment files. Adapters export one as `carve/<target>/target`; core loads it by name.
 */
export interface TargetDescriptor {
  name: string;
  /** Refuses, before anything is written, an app the platform cannot serve (throws with the reason). */
  check?(app: App): void;
  /** The file name of a unit's entry (relative to the unit folder). */
  entryFile: string;
  /**
   * When the platform routes by method and path (API Gateway), a unit of this name is added to every
   * multi-unit shape: all routes, as route-only stubs, so unmatched requests get carve's 404 and 405.
   */
  fallbackUnit?: string;
  /** Packages never bundled: the platform's runtime loads them itself (listed as unit dependencies). */
  externals?: readonly string[];
  /** The entry module's source: it serves the default export of the unit's app module (with its legacy remainder, if `remainder`). */
  entrySource(unitAppModule: string, options: { remainder: boolean }): string;
  /** Files to write (path relative to the shape folder → content), units already built. */
  emit(context: EmitContext): Promise<Record<string, string>> | Record<string, string>;
  /** Milliseconds from a fresh process to a first answer from a built unit. */
  coldStart?(unit: BuiltUnit): Promise<number>;
}
