import type { App } from 'carve/adapter';
import { toBunHandler } from './handler.js';
import { bunRuntime, type BunServer } from './runtime.js';

export interface BunServeAppOptions {
  port?: number | undefined;
  hostname?: string | undefined;
  /** Stop and dispose the app's singletons on SIGTERM and SIGINT. Default `true`. */
  handleSignals?: boolean | undefined;
}

/**
 * Serves a carve app with `Bun.serve`. Refuses to start when a handler's dependencies cannot be resolved.
 *
 * @example
 * const server = serve(app, { port: 3000 });
 */
export function serve(app: App, options: BunServeAppOptions = {}): BunServer & { close(): Promise<void> } {
  const report = app.validate();
  if (!report.ok) throw new Error(`cannot serve ${app.name}:\n${report.problems.map((p) => `  - ${p.message}`).join('\n')}`);
  const server = bunRuntime().serve({ port: options.port ?? 3000, hostname: options.hostname ?? '127.0.0.1', fetch: toBunHandler(app) });
  let closing: Promise<void> | undefined;
  // Bun's stop() without `true` lets in-flight requests finish.
  const close = () => (closing ??= Promise.resolve(server.stop()).then(() => app.close()));
  if (options.handleSignals ?? true) {
    const onSignal = () => void close().then(() => process.exit(0), () => process.exit(1));
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return Object.assign(server, { close });
}
