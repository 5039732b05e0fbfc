import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/support/scratch.js';
import { measureDependencies } from './dependency-cost.js';

const scratch = scratchDir('dependency-cost');

function pkg(name: string, source: string, type: 'module' | 'commonjs' = 'module'): string {
  const dir = join(scratch, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type, main: 'index.js' }));
  writeFileSync(join(dir, 'index.js'), source);
  return join(dir, 'index.js');
}

describe('what each dependency costs a unit', () => {
  it('measures what a unit imports of each package and each external one, and gives no figure to one that cannot load alone', async () => {
    // Work at import, as a package that builds tables or compiles schemas when it loads.
    const slow = pkg('slow', 'const until = Date.now() + 150; while (Date.now() < until); export const x = 1; export const unused = 2;\n');
    const light = pkg('light', 'export const y = 1;\n');
    const broken = pkg('broken', "throw new Error('needs what the app sets up first');\nexport const z = 1;\n");
    pkg('addon', 'exports.open = () => 1;\n', 'commonjs');
    const unit = {
      bundled: {
        slow: [`export { x as x } from ${JSON.stringify(slow)};`],
        light: [`export { y as y } from ${JSON.stringify(light)};`],
        broken: [`export { z as z } from ${JSON.stringify(broken)};`],
      },
      external: ['addon'],
    };
    const [costs] = await measureDependencies([unit, { bundled: { light: unit.bundled.light }, external: [] }], join(scratch, 'stage'), { zodLocales: ['en'], projectDir: scratch });
    expect(Object.keys(costs!).sort()).toEqual(['addon', 'light', 'slow']);
    for (const ms of Object.values(costs!)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(costs!['slow']).toBeGreaterThan(costs!['light']!);
  }, 60_000);
});
