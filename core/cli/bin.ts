#!/usr/bin/env node
// The `carve` command. tsx lets it load users' TypeScript apps, configs and targets as they are, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.js');
process.exitCode = await main(process.argv);
