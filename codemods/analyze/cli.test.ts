import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { carveCli } from '../../test/support/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const carve = (...args: string[]) => carveCli(args);
const scratch = mkdtempSync(join(tmpdir(), 'carve-analyze-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const app = (name: string, files: Record<string, string>) => {
  const dir = join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
};

describe('carve analyze', () => {
  it('prints the inventory as JSON in the documented shape', () => {
    const run = carve('analyze', join(root, 'codemods/analyze/__testfixtures__/03-router-prefix/input'), '--json');
    expect(run.status, run.stderr).toBe(0);
    const analysis = JSON.parse(run.stdout);
    expect(analysis.routes[0]).toEqual(expect.objectContaining({ method: 'GET', path: '/api/users/:id', file: 'app.js', line: 4, middleware: [], uses: ['req.params', 'res.json'] }));
    expect(analysis.groups).toEqual([{ name: 'users', routes: ['GET /api/users/:id'] }]);
    expect(analysis.warnings).toEqual([]);
  });

  const bad: [string, string, RegExp][] = [
    ['a folder with no Express app', app('none', { 'index.js': 'console.log("hello");\n' }), /no Express app found/],
    ['a syntax error in one file', app('broken', { 'app.js': "const express = require('express');\nconst app = express();\n", 'routes.js': 'app.get("/x", (req, res) => {\n' }), /routes\.js:\d+: syntax error/],
    ['decorator-based controllers', app('decorators', { 'app.ts': "import express from 'express';\nimport { Controller, Get } from 'routing-controllers';\nconst app = express();\n@Controller('/users')\nexport class Users { @Get('/') all() { return []; } }\n" }), /decorator-based controllers \(routing-controllers\) are not supported/],
    ['a folder that does not exist', join(scratch, 'missing'), /no such folder/],
  ];
  for (const [name, dir, message] of bad) {
    it(`bad input, ${name}: one line, exit code 2`, () => {
      const run = carve('analyze', dir);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    });
  }
});
