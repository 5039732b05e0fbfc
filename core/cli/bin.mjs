#!/usr/bin/env node
// The `carve` command. tsx lets it load TypeScript apps (and carve itself) as they are, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv);
