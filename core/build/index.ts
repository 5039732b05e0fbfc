/** @module carve/build — build-time API: plan units, bundle them, and the target descriptor contract. */
export { buildApp, TARGETS } from './build';
export type { BuildOptions, Manifest, ManifestUnit } from './build';
export { planUnits, unitName, SHAPES } from './plan';
export type { GroupsConfig, Shape, UnitPlan } from './plan';
export type { CarveConfig } from './config';
export type { BuildSettings, BuiltUnit, EmitContext, RouteRef, TargetDescriptor } from './target';
export { measureColdStart } from './cold-start';
