import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { weigh } from './weigh.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('weigh: what a bundle is made of', () => {
  it('sums the bytes of each package, carve\'s own and the app\'s code, largest first', () => {
    const inputs = {
      'node_modules/zod/v4/classic/schemas.js': { bytesInOutput: 900 },
      'node_modules/zod/v4/core/core.js': { bytesInOutput: 300 },
      'node_modules/@scope/pkg/index.js': { bytesInOutput: 50 },
      'node_modules/carve/node_modules/jose/dist/index.js': { bytesInOutput: 400 },
      'core/app.ts': { bytesInOutput: 200 },
      'adapters/aws/handler.ts': { bytesInOutput: 100 },
      'examples/gradebook/app.ts': { bytesInOutput: 70 },
      'carve-build:settings': { bytesInOutput: 2 },
    };
    const metafile = { inputs: {}, outputs: { 'out.js': { bytes: 2100, inputs, imports: [], exports: [] } } } as unknown as Metafile;
    const weights = weigh(metafile, root);
    expect(weights).toEqual({ zod: 1200, jose: 400, carve: 300, app: 72, '@scope/pkg': 50 });
    expect(Object.keys(weights)).toEqual(['zod', 'jose', 'carve', 'app', '@scope/pkg']);
  });
});
