import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from 'carve/codemods';
import { printTable } from './lambda/table';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Writes an Express app of `routes` routes: 50 router files mounted by one app, with middleware and params. */
function generateApp(dir: string, routes: number): void {
  const files = 50;
  const perFile = Math.ceil(routes / files);
  const mounts: string[] = [];
  for (let f = 0; f < files; f++) {
    const lines = [`const express = require('express');`, `const router = express.Router();`, `function auth(req, res, next) { next(); }`];
    for (let r = 0; r < perFile && f * perFile + r < routes; r++) {
      const method = ['get', 'post', 'put', 'delete'][r % 4];
      lines.push(`router.${method}('/item${r}/:id', auth, (req, res) => res.status(200).json({ id: req.params.id, q: req.query.q }));`);
    }
    lines.push('module.exports = router;');
    writeFileSync(join(dir, `routes${f}.js`), `${lines.join('\n')}\n`);
    mounts.push(`app.use('/r${f}', require('./routes${f}'));`);
  }
  writeFileSync(join(dir, 'app.js'), [`const express = require('express');`, `const app = express();`, `app.use(express.json());`, ...mounts, 'module.exports = app;', ''].join('\n'));
}

export async function codemods(): Promise<void> {
  console.log('\n## carve analyze on a generated legacy Express app (one run each)\n');
  mkdirSync(join(ROOT, '.carve'), { recursive: true });
  const rows: (string | number)[][] = [];
  for (const size of [100, 1000]) {
    const dir = mkdtempSync(join(ROOT, '.carve', 'bench-legacy-'));
    try {
      generateApp(dir, size);
      const start = performance.now();
      const analysis = analyze(dir);
      const ms = performance.now() - start;
      if (analysis.routes.length !== size) throw new Error(`found ${analysis.routes.length} of ${size} routes`);
      rows.push([size, analysis.routes.length, analysis.groups.length, (ms / 1000).toFixed(2)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable(['routes', 'found', 'groups', 'analyze s'], rows);
  console.log('\n  (split is not built yet: issue #7 keeps it open; goal for analyze + split: under 10 s at 1,000 routes)');
}
