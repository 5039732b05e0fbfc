import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureColdStart, type BuiltUnit, type TargetDescriptor } from 'carve/build';
import { build } from 'esbuild';

const GATEWAY = fileURLToPath(new URL('./gateway-main.ts', import.meta.url));

/** Build descriptor for Express: a runnable `server.js` per unit, and `gateway.js` that starts them all behind one port. */
const express: TargetDescriptor = {
  name: 'express',
  entryFile: 'server.js',
  entrySource: (unitApp) => [
    `import app from ${JSON.stringify(unitApp)};`,
    `import { serve } from 'carve/express';`,
    `const server = await serve(app, { port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '127.0.0.1', openapi: false });`,
    'console.log(`listening ${server.port}`);',
    '',
  ].join('\n'),
  async emit(context) {
    const files: Record<string, string> = {};
    for (const unit of context.units) {
      files[`${unit.name}/package.json`] = `${JSON.stringify({ name: `${context.app.name}-${unit.name}`, private: true, type: 'module', dependencies: unit.externals }, null, 2)}\n`;
    }
    files['package.json'] = `${JSON.stringify({ private: true, type: 'module', scripts: { start: 'node gateway.js' } }, null, 2)}\n`;
    files['gateway.js'] = await bundleGateway();
    return files;
  },
  coldStart: async (unit) => measureColdStart(probe(unit), unit.dir),
};
export default express;

async function bundleGateway(): Promise<string> {
  const result = await build({
    stdin: { contents: `import { runGateway } from ${JSON.stringify(GATEWAY)};\nawait runGateway(new URL('.', import.meta.url));\n`, resolveDir: dirname(GATEWAY), loader: 'ts' },
    bundle: true, format: 'esm', platform: 'node', target: 'node20', minify: true, write: false, logLevel: 'silent',
    banner: { js: "import { createRequire as __carveCreateRequire } from 'node:module'; const require = __carveCreateRequire(import.meta.url);" },
  });
  return result.outputFiles[0]!.text;
}

/** Starts the unit's server in a fresh process and times it to the first answer. */
function probe(unit: BuiltUnit): string {
  const route = unit.routes.find((r) => r.method === 'GET') ?? unit.routes[0] ?? { method: 'GET', path: '/' };
  const path = route.path.replace(/\{\w+\+?\}/g, 'x');
  return `import { spawn } from 'node:child_process';
const start = performance.now();
const child = spawn(process.execPath, [${JSON.stringify(`${unit.dir}/server.js`)}], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
for await (const chunk of child.stdout) { out += chunk; if (/listening \\d+/.test(out)) break; }
const port = /listening (\\d+)/.exec(out)[1];
await fetch('http://127.0.0.1:' + port + ${JSON.stringify(path)}, { method: ${JSON.stringify(route.method === 'ANY' ? 'GET' : route.method)} });
console.log('coldStartMs=' + (performance.now() - start));
child.kill();`;
}
