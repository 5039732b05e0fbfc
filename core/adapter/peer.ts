/**
 * A target library (express, @vendia/serverless-express, …) is an optional peer dependency of carve.
 * Used without it, carve says which package to install instead of Node's bare "Cannot find package".
 */
export class MissingPeerError extends Error {
  readonly code = 'CARVE_MISSING_PEER';

  constructor(readonly packageName: string, readonly feature: string, cause?: unknown) {
    super(`${feature} needs the package ${packageName}, which is not installed: npm install ${packageName}`, { cause });
    this.name = 'MissingPeerError';
  }
}

/**
 * Loads an optional peer lazily. `load` must be a literal `() => import('pkg')`, so that bundlers
 * (esbuild in `carve build`, or the user's own) still see and bundle the package.
 *
 * @example
 * const { default: express } = await importPeer('express', 'carve/express serve()', () => import('express'));
 */
export async function importPeer<T>(packageName: string | readonly string[], feature: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    // A module that needs several peers (carve/graphql: graphql and @apollo/server) names the one that is missing.
    const missing = (typeof packageName === 'string' ? [packageName] : packageName).find((name) => isMissingPackage(error, name));
    if (missing) throw new MissingPeerError(missing, feature, error);
    throw error;
  }
}

// Node's words for a package that is not installed: `Cannot find package 'x'` (ESM), `Cannot find module 'x'` (CommonJS).
const NODE_MISSING = /Cannot find (?:package|module) ['"]((?:@[\w-][\w.-]*\/)?[\w-][\w.-]*)/;

/** The package a Node error or its output says is not installed, if it says so. */
export function missingPackageIn(text: string): string | undefined {
  return NODE_MISSING.exec(text)?.[1];
}

function isMissingPackage(error: unknown, packageName: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && missingPackageIn(String(message)) === packageName;
}
