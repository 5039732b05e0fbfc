import { readFileSync } from 'node:fs';
import type { App, Schema, SchemaOutput } from 'carve';
import { buildGraphQLSchema } from 'carve/graphql';
import { describe, expect, it } from 'vitest';
import { FLAVORS, gradebookIn, type Flavor } from '../../test/support/gradebook-flavor.js';
import type * as classic from './flavors/zod.js';
import type * as valibot from './flavors/valibot.js';
import type * as mini from './schemas.js';

// The documents the gradebook's classic zod schemas gave before carve read schemas through Standard Schema (#15).
const golden = (file: string) => readFileSync(new URL(`./__documents__/${file}`, import.meta.url), 'utf8');
const documents = (app: App) => ({ openapi: `${JSON.stringify(app.openapi(), null, 2)}\n`, sdl: `${buildGraphQLSchema(app).sdl}\n` });
const gradebook = async (flavor: Flavor) => ((await import(/* @vite-ignore */ `${dirs[flavor]}/app.ts`)) as { default: App }).default;
const dirs = Object.fromEntries(FLAVORS.map((flavor) => [flavor, gradebookIn(flavor)])) as Record<Flavor, string>;

// Every flavor gives the handlers the same values: the same names with the same output types, both ways.
type Outputs<M> = { [K in keyof M]: M[K] extends Schema ? SchemaOutput<M[K]> : never };
export const flavorsAgree: [Outputs<typeof classic>, Outputs<typeof mini>, Outputs<typeof valibot>] = [
  {} as Outputs<typeof mini> & Outputs<typeof valibot>,
  {} as Outputs<typeof classic>,
  {} as Outputs<typeof classic>,
];

describe("the gradebook's documents", () => {
  it('are the same as before for its zod schemas: OpenAPI and GraphQL SDL, byte for byte', async () => {
    const { openapi, sdl } = documents(await gradebook('zod'));
    expect(openapi).toBe(golden('openapi.json'));
    expect(sdl).toBe(golden('schema.graphql'));
  });

  it('are the same written in zod/mini', async () => {
    const { openapi, sdl } = documents(await gradebook('zod-mini'));
    expect(openapi).toBe(golden('openapi.json'));
    expect(sdl).toBe(golden('schema.graphql'));
  });

  it("come from valibot's own converter when written in valibot, with the same operations and named components", async () => {
    const app = await gradebook('valibot');
    const ours = app.openapi();
    const before = JSON.parse(golden('openapi.json')) as typeof ours;
    expect(Object.keys(ours.paths)).toEqual(Object.keys(before.paths));
    expect(Object.keys(ours.components.schemas).sort()).toEqual(Object.keys(before.components.schemas).sort());
    expect(ours.components.schemas['NewGrade']).toMatchObject({ type: 'object', required: ['courseCode', 'studentId', 'assessment', 'score'] });
    const { sdl, warnings } = buildGraphQLSchema(app);
    expect(warnings).toEqual([]);
    expect(sdl).toMatch(/type Grade \{[^}]*score: Float!/s);
  });
});
