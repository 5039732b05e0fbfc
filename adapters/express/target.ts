import { defineTarget, runtimeModule } from 'carve/build';

const GATEWAY = runtimeModule(new URL('./gateway-main.js', import.meta.url));
// Stack traces through each bundle's source map: a long-lived server pays the few ms of start-up once.
const NODE_OPTIONS = ['--enable-source-maps'];

/** Express: a runnable `server.js` per unit, and `gateway.js`, which starts them all behind one port. */
export default defineTarget({
  name: 'express',
  entry: { file: 'server.js', module: runtimeModule(new URL('./entry.js', import.meta.url)) },
  bundle: { target: 'node20' },
  nodeOptions: () => NODE_OPTIONS,
  async emit(context) {
    const files: Record<string, string> = {};
    for (const unit of context.units) {
      files[`${unit.name}/package.json`] = `${JSON.stringify({ name: `${context.app.name}-${unit.name}`, private: true, type: 'module', dependencies: unit.externals }, null, 2)}\n`;
    }
    files['package.json'] = `${JSON.stringify({ private: true, type: 'module', scripts: { start: `node ${NODE_OPTIONS.join(' ')} gateway.js` } }, null, 2)}\n`;
    files['gateway.js'] = await context.bundle(GATEWAY);
    return files;
  },
  deploy: ({ dir }) => [`npm start --prefix ${dir}   # every unit behind one port (PORT, default 3000)`],
  probe: runtimeModule(new URL('./probe.js', import.meta.url)),
});
