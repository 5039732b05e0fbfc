import { defineTarget, runtimeModule } from 'carve/build';

const GATEWAY = runtimeModule(new URL('./gateway-main.js', import.meta.url));

/** Express: a runnable `server.js` per unit, and `gateway.js`, which starts them all behind one port. */
export default defineTarget({
  name: 'express',
  entry: { file: 'server.js', module: runtimeModule(new URL('./entry.js', import.meta.url)) },
  bundle: { target: 'node20' },
  async emit(context) {
    const files: Record<string, string> = {};
    for (const unit of context.units) {
      files[`${unit.name}/package.json`] = `${JSON.stringify({ name: `${context.app.name}-${unit.name}`, private: true, type: 'module', dependencies: unit.externals }, null, 2)}\n`;
    }
    files['package.json'] = `${JSON.stringify({ private: true, type: 'module', scripts: { start: 'node gateway.js' } }, null, 2)}\n`;
    files['gateway.js'] = await context.bundle(GATEWAY);
    return files;
  },
  probe: runtimeModule(new URL('./probe.js', import.meta.url)),
});
