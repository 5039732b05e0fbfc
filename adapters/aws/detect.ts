import { alb } from './alb.js';
import type { Processor } from './processor.js';
import { v1 } from './v1.js';
import { v2 } from './v2.js';

/** Thrown (as a Lambda error) for an event that is not an HTTP request carve can serve. */
export class UnsupportedEventError extends Error {
  override readonly name = 'UnsupportedEventError';
  constructor(what: string) {
    super(`carve/aws cannot handle this event: ${what}. It serves API Gateway REST (v1), HTTP API (payload 1.0 and 2.0), ALB and Function URL events.`);
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Picks the processor for an event by its documented distinguishing fields. */
export function processorFor(event: unknown): Processor<never> {
  if (!isObject(event)) throw new UnsupportedEventError(`expected an event object, received ${event === null ? 'null' : Array.isArray(event) ? 'an array' : typeof event}`);
  const rc = event['requestContext'];
  const requestLine = typeof event['httpMethod'] === 'string' && typeof event['path'] === 'string';
  if (isObject(rc) && isObject(rc['elb'])) {
    if (!requestLine) throw new UnsupportedEventError('an ALB event without a string httpMethod and path');
    return alb as Processor<never>;
  }
  // A REST event behind a custom domain may carry `rawPath` too; only 2.0 has version "2.0" and requestContext.http.
  if (event['version'] === '2.0' && isObject(rc) && isObject(rc['http'])) {
    if (typeof rc['http']['method'] !== 'string' || typeof event['rawPath'] !== 'string') throw new UnsupportedEventError('an HTTP API 2.0 event without a string requestContext.http.method and rawPath');
    return v2 as Processor<never>;
  }
  if (requestLine && isObject(rc) && !('serviceArn' in rc)) return v1 as Processor<never>;
  throw new UnsupportedEventError(describe(event, rc));
}

function describe(event: Json, rc: unknown): string {
  if (isObject(rc) && typeof rc['serviceArn'] === 'string') return 'a VPC Lattice event (not supported yet)';
  const records = event['Records'];
  if (Array.isArray(records)) {
    const first = records[0] as Json | undefined;
    if (isObject(first?.['cf'])) return 'a Lambda@Edge (CloudFront) event (not supported)';
    const source = first?.['eventSource'] ?? first?.['EventSource'];
    return typeof source === 'string' ? `a ${source} event, which is not an HTTP request` : 'a Records[] event of unknown source';
  }
  if (typeof event['detail-type'] === 'string') return `an EventBridge "${event['detail-type']}" event from ${String(event['source'])}, which is not an HTTP request`;
  const keys = Object.keys(event).slice(0, 8);
  return `an object with keys [${keys.join(', ')}]${Object.keys(event).length > 8 ? ', …' : ''}`;
}
