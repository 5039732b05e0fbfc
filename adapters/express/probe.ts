// Cold-start probe (`node probe.mjs <unit dir> <method> <path>`): starts the unit's server.js in a fresh
// process and times it to the first answer. The clock starts on the first line, before any import; the
// request goes through node:http, whose first use costs far less than fetch's.
const started = process.hrtime.bigint();
const [dir, method, path] = process.argv.slice(2) as [string, string, string];
const { spawn } = await import('node:child_process');
const { request } = await import('node:http');
// The unit runs with the Node options the probe was given (the target's: --enable-source-maps).
const child = spawn(process.execPath, [...process.execArgv, `${dir}/server.js`], { env: { ...process.env, CARVE_UNIT_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
for await (const chunk of child.stdout) {
  out += String(chunk);
  if (/listening \d+/.test(out)) break;
}
const port = Number(/listening (\d+)/.exec(out)?.[1]);
await new Promise<void>((resolve, reject) => {
  request({ host: '127.0.0.1', port, path, method }, (res) => res.resume().on('end', resolve)).on('error', reject).end();
});
console.log(`coldStartMs=${Number(process.hrtime.bigint() - started) / 1e6}`);
child.kill();
