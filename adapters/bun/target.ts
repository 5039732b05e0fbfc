import { defineTarget, runtimeModule } from 'carve/build';

/** Bun: a `server.js` per unit, started with `bun server.js`, served through carve's Fetch API handler. */
export default defineTarget({
  name: 'bun',
  entry: { file: 'server.js', module: runtimeModule(new URL('./entry.js', import.meta.url)) },
  bundle: { target: 'esnext', conditions: ['bun'] },
  check(app) {
    if (app.remainder) throw new Error(`${app.name} has a legacy remainder (an Express app): Bun units serve carve handlers only; build it for express, aws or azure`);
  },
  emit(context) {
    const files: Record<string, string> = {};
    for (const unit of context.units) {
      const pkg = { name: `${context.app.name}-${unit.name}`, private: true, type: 'module', scripts: { start: 'bun server.js' }, dependencies: unit.externals };
      files[`${unit.name}/package.json`] = `${JSON.stringify(pkg, null, 2)}\n`;
    }
    return files;
  },
});
