import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { nativeExternals } from './externals';
import { stubPlugin } from './stubs';

export interface BundleResult {
  bytes: number;
  gzipBytes: number;
  externals: Record<string, string>;
  inputs: Metafile['inputs'];
  /** Modules of other units that ended up in this bundle with their real code: must be empty. */
  leaked: string[];
}

// Bundled CommonJS dependencies call require(); an ESM bundle gets one from createRequire.
const BANNER = "import { createRequire as __carveCreateRequire } from 'node:module'; const require = __carveCreateRequire(import.meta.url);";

/** Bundles one unit's entry with esbuild, other units' handler modules replaced by stubs. */
export async function bundleUnit(options: { entrySource: string; outfile: string; workDir: string; stubs: ReadonlyMap<string, string>; external?: readonly string[] }): Promise<BundleResult> {
  const entry = join(options.workDir, `${relative(options.workDir, options.outfile).replace(/[\\/]/g, '__')}.entry.ts`);
  mkdirSync(dirname(entry), { recursive: true });
  mkdirSync(dirname(options.outfile), { recursive: true });
  writeFileSync(entry, options.entrySource);
  const externals = new Map<string, string>();
  try {
    const result = await build({
      entryPoints: [entry], outfile: options.outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20',
      minify: true, metafile: true, legalComments: 'none', logLevel: 'silent', banner: { js: BANNER },
      external: [...(options.external ?? [])],
      plugins: [stubPlugin(options.stubs), nativeExternals(externals)],
    });
    const bytes = readFileSync(options.outfile);
    const inputs = result.metafile.inputs;
    const leaked = [...options.stubs.keys()].filter((file) => {
      const input = Object.entries(inputs).find(([path]) => file.endsWith(path.replace(/^(\.\.\/)+/, '')));
      return input !== undefined && input[1].bytes !== Buffer.byteLength(options.stubs.get(file)!);
    });
    return { bytes: bytes.byteLength, gzipBytes: gzipSync(bytes).byteLength, externals: Object.fromEntries(externals), inputs, leaked };
  } finally {
    rmSync(entry, { force: true });
  }
}
