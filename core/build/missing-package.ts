import { relative } from 'node:path';
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
  throw new UsageError(`${what} needs the package ${name}${by}, which is not installed: npm install ${name}`);
}
