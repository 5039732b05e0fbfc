import { describe, expect, it } from 'vitest';
import { boundaryReexports } from './package-boundary.js';

describe('a unit\'s package boundary', () => {
  it('turns the output\'s imports of the measured packages into re-exports of the same bindings, a namespace read by member as those members, and nothing the code does not use', () => {
    const output = [
      'import { createRequire as __carveCreateRequire } from "node:module";',
      'import { object, string as string2 } from "/p/node_modules/zod/v4/mini/index.js";',
      'import * as jose from "/p/node_modules/jose/dist/index.js";',
      'import * as z from "/p/node_modules/zod/mini/index.js";',
      'import {\n  a,\n  b\n} from "/p/node_modules/jose/dist/b.js";',
      'import tsyringe, { container } from "/p/node_modules/tsyringe/dist/esm2015/index.js";',
      'import other from "/p/node_modules/other/index.js";',
      'const x = /[a-z]/; const s = z.object({ n: z.number() }); const k = z . string(); other(jose, a, tsyringe, string2, object);',
      'const o = { container: 1 }; o.container;',
    ].join('\n');
    expect(boundaryReexports(output, new Set(['zod', 'jose', 'tsyringe']))).toEqual(IMPORTED);
  });

  it('carries a package that a CommonJS module requires whole, as a namespace', () => {
    const output = 'var t = __require("/p/node_modules/tsyringe/dist/esm2015/index.js"); var o = __require("/p/node_modules/other/index.js"); require("/p/node_modules/jose/x.js");';
    expect(boundaryReexports(output, new Set(['tsyringe', 'jose']))).toEqual({ tsyringe: ['export * as required0 from "/p/node_modules/tsyringe/dist/esm2015/index.js";'] });
  });
});

const IMPORTED = {
  zod: ['export { object as object, string as string2 } from "/p/node_modules/zod/v4/mini/index.js";', 'export { number, object, string } from "/p/node_modules/zod/mini/index.js";'],
  jose: ['export * as jose from "/p/node_modules/jose/dist/index.js";', 'export { a as a } from "/p/node_modules/jose/dist/b.js";'],
  tsyringe: ['export { default as tsyringe } from "/p/node_modules/tsyringe/dist/esm2015/index.js";'],
};
