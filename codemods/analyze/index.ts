/** @module carve/codemods — static analysis of legacy Express apps (split follows). */
export { analyze } from './analyze';
export { AnalyzeError } from './types';
export type { Analysis, RouteInfo, Warning } from './types';
