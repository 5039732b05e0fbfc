import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const FENCE_RULES = ['no-restricted-imports', 'no-restricted-syntax'];

async function fenceErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return result!.messages.filter((m) => FENCE_RULES.includes(m.ruleId ?? '')).map((m) => m.message);
}

describe('import fences (eslint no-restricted-imports, and no-restricted-syntax for import())', () => {
  const cases: [string, string, string, RegExp][] = [
    ['core importing an adapter', 'core/x.ts', "import { serve } from '../adapters/express/serve.js';", /core must not import an adapter/],
    ['core importing an adapter subpath', 'core/x.ts', "import { serve } from 'carve/express';", /core must not import an adapter/],
    ['core importing an adapter with import()', 'core/build/x.ts', "await import('carve/aws/target');", /core must not import an adapter/],
    ['core importing an adapter by a computed import()', 'core/build/x.ts', "const name = 'aws'; await import(`carve/${name}/target`);", /literal specifier/],
    ['core importing a provider SDK', 'core/build/x.ts', "import express from 'express';", /core must not import/],
    ['core importing the codemods lazily', 'core/x.ts', "await import('carve/codemods');", /core must not import codemods/],
    ['core importing the CLI', 'core/build/x.ts', "import { main } from '../cli/main.js';", /core never imports the CLI/],
    ['the CLI importing core internals', 'core/cli/x.ts', "import { buildApp } from '../build/build.js';", /public entry points/],
    ['the CLI importing an adapter by path', 'core/cli/x.ts', "await import('../../adapters/aws/target.js');", /public entry points/],
    ['an adapter importing core internals', 'adapters/express/x.ts', "import { Router } from '../../core/router.js';", /never core internals|public API, the adapter kit/],
    ['an adapter importing another adapter', 'adapters/aws/x.ts', "import { serve } from 'carve/express';", /never imports another adapter/],
    ['an adapter importing another adapter with import()', 'adapters/aws/x.ts', "await import('carve/azure/legacy');", /never imports another adapter/],
    ['an adapter reaching a sibling by path', 'adapters/aws/x.ts', "import { send } from '../express/router.js';", /adapter kit and its own files/],
    ['an example importing core by path', 'examples/echo/x.ts', "import { handler } from '../../core/index.js';", /import carve by name/],
    ['core importing zod', 'core/x.ts', "import { z } from 'zod';", /Standard Schema validators/],
    ['core importing zod/mini with import()', 'core/build/x.ts', "await import('zod/mini');", /Standard Schema validators/],
    ['an adapter importing carve/zod', 'adapters/aws/x.ts', "import { z } from 'carve/zod';", /Standard Schema validators/],
    ['a codemod importing carve', 'codemods/split/x.ts', "import { handler } from 'carve';", /emit code that imports carve/],
  ];
  for (const [name, file, code, message] of cases) {
    it(`rejects ${name}`, async () => {
      expect(await fenceErrors(file, code)).toContainEqual(expect.stringMatching(message));
    });
  }

  it('allows what the rules allow', async () => {
    const allowed: [string, string][] = [
      ['adapters/express/x.ts', "import { createApp } from 'carve';\nimport { problemResponse } from 'carve/adapter';\nimport { writeNodeResponse } from 'carve/adapter/node';\nimport { toIncoming } from './request.js';"],
      ['adapters/aws/entry.ts', "import app from 'carve/build/unit';\nimport { toLambdaHandler } from 'carve/aws';\nimport { legacyHandler } from 'carve/aws/legacy';\nvoid [app, toLambdaHandler, legacyHandler];"],
      ['adapters/aws/probe.ts', "import { pathToFileURL } from 'node:url';\nawait import(pathToFileURL('/x/index.js').href);"],
      ['core/x.ts', "import { Router } from './router.js';"],
      ['core/json-schema.ts', "import { toJSONSchema } from 'zod/v4/core';"],
      ['adapters/aws/settings.ts', "import { z } from 'carve/zod';"],
      ['core/cli/x.ts', "import { buildApp } from 'carve/build';\nawait import('carve/aws/target');\nconst spec = './target.ts';\nawait import(spec);"],
      ['examples/echo/x.ts', "import { serve } from 'carve/express';"],
    ];
    for (const [file, code] of allowed) expect(await fenceErrors(file, code), file).toEqual([]);
  });
});
