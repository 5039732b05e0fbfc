/**
 * @module carve/build/settings — the target's settings of the build (its part of `carve.config.ts`, with
 * defaults), for a target's entry module: `carve build` bundles them in its place as plain data.
 */
throw new Error('carve/build/settings is provided by `carve build` to a target\'s entry module; it cannot be imported directly');

const settings: unknown = undefined;
export default settings;
