import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, split } from 'carve/codemods';
import { printTable } from './lambda/table.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Writes an Express app of `routes` routes: 50 router files mounted by one app, with middleware and params. */
function generateApp(dir: string, routes: number): void {
  const files = 50;
  const perFile = Math.ceil(routes / files);
  const mounts: string[] = [];
  for (let f = 0; f < files; f++) {
    const lines = [`const express = require('express');`, `const router = express.Router();`, `function auth(req, res, next) { res.set('x-auth', 'checked'); next(); }`];
    for (let r = 0; r < perFile && f * perFile + r < routes; r++) {
      const method = ['get', 'post', 'put', 'delete'][r % 4];
      // Half the routes carry middleware that writes a header without answering (not rewritten onto the SDK: they
      // move through carve/compat/express), half are rewritten onto the SDK.
      lines.push(`router.${method}('/item${r}/:id', ${r % 2 ? 'auth, ' : ''}(req, res) => res.status(200).json({ id: req.params.id, q: req.query.q }));`);
    }
    lines.push('module.exports = router;');
    writeFileSync(join(dir, `routes${f}.js`), `${lines.join('\n')}\n`);
    mounts.push(`app.use('/r${f}', require('./routes${f}'));`);
  }
  writeFileSync(join(dir, 'app.js'), [`const express = require('express');`, `const app = express();`, `app.use(express.json());`, ...mounts, 'module.exports = app;', ''].join('\n'));
}

export async function codemods(): Promise<void> {
  console.log('\n## carve analyze and carve split (--dry) on a generated legacy Express app (one run each)\n');
  mkdirSync(join(ROOT, '.carve'), { recursive: true });
  const rows: (string | number)[][] = [];
  for (const size of [100, 1000]) {
    const dir = mkdtempSync(join(ROOT, '.carve', 'bench-legacy-'));
    try {
      generateApp(dir, size);
      const start = performance.now();
      const analysis = analyze(dir);
      const analyzed = performance.now();
      const { report } = split(dir, { out: join(dir, 'carve'), dry: true });
      const done = performance.now();
      if (analysis.routes.length !== size) throw new Error(`found ${analysis.routes.length} of ${size} routes`);
      rows.push([size, analysis.routes.length, report.converted.length, ((analyzed - start) / 1000).toFixed(2), ((done - analyzed) / 1000).toFixed(2)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable(['routes', 'found', 'converted', 'analyze s', 'split s (analyze again + convert)'], rows);
  console.log('\n  (goal: analyze + split under 10 s at 1,000 routes; half the generated routes carry middleware and move through carve/compat/express)');
}
