/**
 * @module carve/build — the build engine and the target contract. `buildApp` packages an app in a shape
 * for a target; a target is a `TargetDescriptor` (`defineTarget`), its entry and probe real modules of its own.
 */
export { buildApp } from './build.js';
export type { BuildOptions, Manifest, ManifestUnit } from './build.js';
export { planUnits, unitName, SHAPES } from './plan.js';
export type { GroupsConfig, Shape, ShapeWarnings, UnitPlan } from './plan.js';
export { defineConfig } from './config.js';
export type { CarveConfig, UnitConfig } from './config.js';
export { defineTarget, isTargetDescriptor } from './target.js';
export type { BuiltUnit, CostEstimate, DeployContext, EmitContext, Files, RouteRef, TargetDescriptor, UnitEnvironment, UnitPermissions, Usage } from './target.js';
export type { StandardSchemaV1 } from '@standard-schema/spec';
export { runtimeModule } from './runtime-module.js';
export { planDev } from './dev.js';
export type { DevUnitPlan } from './dev.js';
export { loadApp } from './load-app.js';
export { UsageError } from './usage-error.js';
