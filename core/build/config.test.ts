import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/support/scratch.js';
import { loadConfig } from './config.js';

const dir = scratchDir('config');

describe('carve.config.ts', () => {
  it('may be a function of the stage the build is for', async () => {
    const file = join(dir, 'staged.config.ts');
    writeFileSync(file, "export default ({ stage }: { stage: string | undefined }) => ({ aws: { memoryMb: stage === 'prod' ? 2048 : 512 } });\n");
    expect((await loadConfig(join(dir, 'app.ts'), file, { stage: 'prod' })).config).toEqual({ aws: { memoryMb: 2048 } });
    expect((await loadConfig(join(dir, 'app.ts'), file)).config).toEqual({ aws: { memoryMb: 512 } });
  });
});
