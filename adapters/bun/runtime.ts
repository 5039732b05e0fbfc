/** The part of Bun's API carve uses (`Bun.serve`), typed here so carve needs no bun-types. */
export interface BunServer {
  readonly port: number;
  readonly hostname: string;
  requestIP(request: Request): { address: string } | null;
  stop(closeActiveConnections?: boolean): Promise<void> | void;
}

export interface BunServeOptions {
  port?: number | undefined;
  hostname?: string | undefined;
  fetch(request: Request, server: BunServer): Response | Promise<Response>;
}

interface BunRuntime {
  serve(options: BunServeOptions): BunServer;
}

/** `Bun`, or a clear error when this is not Bun. */
export function bunRuntime(): BunRuntime {
  const bun = (globalThis as { Bun?: BunRuntime | undefined }).Bun;
  if (!bun) throw new Error(`carve/bun runs on Bun (bun server.js); this is ${typeof process === 'undefined' ? 'another runtime' : `Node ${process.version}`}`);
  return bun;
}
