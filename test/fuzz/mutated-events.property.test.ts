import { toLambdaHandler, UnsupportedEventError } from 'carve/aws';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import echo from '../../examples/echo/app.js';
import { albEvent, httpApiV2Event, lambdaContext, restV1Event } from '../contract/aws-events.js';

// Valid events with fields replaced by junk: the adapter refuses what it cannot read (UnsupportedEventError)
// or answers a well-formed response, and never crashes with anything else or answers 500.
const RUNS = Number(process.env['CARVE_FUZZ_RUNS'] ?? 10_000);
const lambda = toLambdaHandler(echo);
const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.string(), fc.boolean(), fc.constant({}), fc.constant([]), fc.dictionary(fc.string(), fc.string()));
const base = { method: 'POST', url: '/echo/a%20b?x=1&x=2', headers: { 'content-type': 'text/plain', cookie: 'a=1' }, body: 'hello' };
const events: [string, () => Record<string, unknown>][] = [
  ['REST v1', () => restV1Event(base) as unknown as Record<string, unknown>],
  ['HTTP API 2.0', () => httpApiV2Event(base) as unknown as Record<string, unknown>],
  ['Function URL', () => httpApiV2Event(base, true) as unknown as Record<string, unknown>],
  ['ALB', () => albEvent(base, true) as unknown as Record<string, unknown>],
];

function mutate(event: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(event);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) return copy;
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

const paths = (event: Record<string, unknown>, prefix: string[] = []): string[][] =>
  Object.entries(event).flatMap(([k, v]) => [[...prefix, k], ...(v && typeof v === 'object' && !Array.isArray(v) ? paths(v as Record<string, unknown>, [...prefix, k]) : [])]);

describe(`mutated events (${RUNS} per shape)`, () => {
  for (const [name, make] of events) {
    it(`aws lambda, ${name}`, async () => {
      const all = paths(make());
      await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...all), junk), { minLength: 1, maxLength: 3 }), async (changes) => {
        let event = make();
        for (const [path, value] of changes) event = mutate(event, path, value);
        let result: Record<string, unknown>;
        try {
          result = await lambda(event as never, lambdaContext()) as unknown as Record<string, unknown>;
        } catch (error) {
          expect(error).toBeInstanceOf(UnsupportedEventError);
          return;
        }
        expect(Number.isInteger(result['statusCode'])).toBe(true);
        expect(result['statusCode']).toBeLessThan(500);
        expect(typeof result['body']).toBe('string');
      }), { numRuns: RUNS });
    }, 120_000);
  }
});
