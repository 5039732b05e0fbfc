/**
 * @module carve/build/unit — the app of the unit being built. A target's entry module imports it;
 * `carve build` bundles the unit's own app in its place: its handlers only, and the legacy remainder when
 * the unit serves that. Imported anywhere else, it says so.
 */
import type { App } from '../app.js';

throw new Error('carve/build/unit is provided by `carve build` to a target\'s entry module; it cannot be imported directly');

const unit: App = undefined as never;
export default unit;
