import type { CarveResponse, IncomingRequest } from 'carve/adapter';
import type { LambdaContext, LambdaHttpResult } from './events.js';
import type { ResolvedOptions } from './options.js';

/** Maps one event source to carve's request, and carve's response back to that source's result. */
export interface Processor<E> {
  readonly source: 'apigw-v1' | 'apigw-v2' | 'alb';
  request(event: E, context: LambdaContext, options: ResolvedOptions): IncomingRequest;
  result(response: CarveResponse, event: E, options: ResolvedOptions): LambdaHttpResult;
}
