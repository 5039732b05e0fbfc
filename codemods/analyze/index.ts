/** @module carve/codemods — analyze a legacy Express app and split it onto the carve SDK. */
export { analyze } from './analyze';
export { AnalyzeError } from './types';
export type { Analysis, RouteInfo, Warning } from './types';
export { split } from '../split/split';
export type { SplitOptions, SplitReport, SplitResult } from '../split/split';
