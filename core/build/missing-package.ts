import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { missingPackageIn } from '../adapter/peer.js';
import { UsageError } from './usage-error.js';

// esbuild: `Could not resolve "express"`; Node's wording is the adapter kit's (missingPackageIn).
const ESBUILD = /Could not resolve "((?:@[\w.-]+\/)?[\w.-]+)(?:\/[^"]*)?"/;

/**
 * A bundle or a probe that failed because a package is not installed: the one-line error saying which
 * to install (a target library is an optional peer of carve). Anything else is rethrown as it is.
 */
export function explainMissingPackage(error: unknown, what: string): never {
  const { errors, stderr, message } = error as { errors?: { text: string; location?: { file: string } | null | undefined }[] | undefined; stderr?: unknown; message?: unknown };
  const fromBundle = errors?.map((e) => ({ name: ESBUILD.exec(e.text)?.[1], file: e.location?.file })).find((e) => e.name);
  const name = fromBundle?.name ?? missingPackageIn(String(stderr ?? '')) ?? missingPackageIn(String(message ?? ''));
  if (!name) throw error;
  const by = fromBundle?.file ? ` (imported by ${relative(process.cwd(), fromBundle.file)})` : '';
  // Installed here, but not found from where the unit ran: its folder (--out) is outside this project's node_modules.
  const from = NODE_IMPORTER.exec(String(stderr ?? ''))?.[1];
  if (from && installedHere(name)) {
    // Named as the user will find it: the unit's folder under --out, not the build's stage (`<shape>.partial-<pid>`).
    const unitDir = dirname(from.replace(/\.partial-\d+(?=[/\\])/, ''));
    throw new UsageError(`${what} needs the package ${name}, which is installed in this project but not found from ${unitDir}, outside it: build into a folder inside the project (--out), or npm install in the unit's folder (its package.json lists ${name})`);
  }
  throw new UsageError(`${what} needs the package ${name}${by}, which is not installed: npm install ${name}`);
}

// Node's ESM wording names the module that imported the missing package.
const NODE_IMPORTER = /Cannot find (?:package|module) '[^']+' imported from (\S+)/;

function installedHere(name: string): boolean {
  try {
    createRequire(join(process.cwd(), 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
}
