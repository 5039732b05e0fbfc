// Run by Bun (`bun test/contract/bun-server.ts`): the contract's two apps through carve/bun (carve's Fetch
// API handler under Bun.serve), the gradebook on bun:sqlite. Prints the two ports as one JSON line.
import { provide } from 'carve';
import { serve } from 'carve/bun';
import echoApp from '../../examples/echo/app.js';
import { createGradebook } from '../../examples/gradebook/app.js';
import { bunDatabase } from '../../examples/gradebook/bun-db.js';
import { DbConfig, OpenDatabase } from '../../examples/gradebook/db.js';
import { Clock } from '../../examples/gradebook/system/clock.js';
import { FIXED_NOW } from './fresh-gradebook.js';

const gradebook = createGradebook([
  provide(OpenDatabase, { value: await bunDatabase() }),
  provide(DbConfig, { value: { path: ':memory:' } }),
  provide(Clock, { value: { now: () => FIXED_NOW } }),
]);
const echo = serve(echoApp, { port: 0 });
const book = serve(gradebook, { port: 0 });
console.log(JSON.stringify({ echo: echo.port, gradebook: book.port }));
