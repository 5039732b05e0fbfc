/** @module carve/codemods — analyze a legacy Express app and split it onto the carve SDK. */
export { analyze } from './analyze.js';
export { AnalyzeError } from './types.js';
export type { Analysis, RouteInfo, Warning } from './types.js';
export { split } from '../split/split.js';
export type { SplitOptions, SplitReport, SplitResult, SplitSummary } from '../split/split.js';
