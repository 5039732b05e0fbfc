import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function fenceErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import fences (eslint no-restricted-imports)', () => {
  const cases: [string, string, string, RegExp][] = [
    ['core importing an adapter', 'core/x.ts', "import { serve } from '../adapters/express/serve';", /core must not import an adapter/],
    ['core importing an adapter subpath', 'core/x.ts', "import { serve } from 'carve/express';", /core must not import an adapter/],
    ['core importing a provider SDK', 'core/build/x.ts', "import express from 'express';", /core must not import/],
    ['an adapter importing core internals', 'adapters/express/x.ts', "import { Router } from '../../core/router';", /only 'carve' and its own files|never core internals/],
    ['an adapter importing another adapter', 'adapters/aws/x.ts', "import { serve } from 'carve/express';", /never imports another adapter/],
    ['an adapter reaching a sibling by path', 'adapters/aws/x.ts', "import { send } from '../express/router';", /only 'carve' and its own files/],
    ['an example importing core by path', 'examples/echo/x.ts', "import { handler } from '../../core/index';", /import carve by name/],
  ];
  for (const [name, file, code, message] of cases) {
    it(`rejects ${name}`, async () => {
      expect(await fenceErrors(file, `${code}\nexport {};\n`)).toContainEqual(expect.stringMatching(message));
    });
  }

  it('allows what the rules allow', async () => {
    expect(await fenceErrors('adapters/express/x.ts', "import { createApp } from 'carve';\nimport { send } from './router';\nexport {};\n")).toEqual([]);
    expect(await fenceErrors('core/x.ts', "import { Router } from './router';\nexport {};\n")).toEqual([]);
    expect(await fenceErrors('examples/echo/x.ts', "import { serve } from 'carve/express';\nexport {};\n")).toEqual([]);
  });
});
