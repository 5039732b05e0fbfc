import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { nodeConditions } from '../../core/build/conditions.js';
import { es2015Builds } from '../../core/build/es2015.js';
import { leaveOutBuildOnly } from '../../core/build/left-out.js';
import { DEFAULT_ZOD_LOCALES, zodLocalesPlugin } from '../../core/build/zod-locales.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const OUT = fileURLToPath(new URL('../.out/', import.meta.url));

export const ADAPTERS = ['raw', 'carve', 'carve-logged', 'lambda-api', 'hono', 'powertools', 'serverless-http', 'vendia'] as const;
// Measured cold only: what a bundle weighs without a validation library, or with zod/mini or valibot.
export const COLD_ONLY = ['raw-bare', 'raw-mini', 'raw-valibot', 'lambda-api-bare', 'carve-one', 'carve-one-valibot', 'carve-mini', 'carve-bare'] as const;
export type AdapterName = (typeof ADAPTERS)[number] | (typeof COLD_ONLY)[number];
export const LABEL: Record<AdapterName, string> = {
  raw: 'raw handler + zod', carve: 'carve, zod schemas', 'carve-logged': 'carve + access log', 'lambda-api': 'lambda-api + zod', hono: 'hono + zod',
  powertools: 'powertools event-handler + zod', 'serverless-http': 'serverless-http + zod', vendia: '@vendia/serverless-express + zod',
  'raw-bare': 'raw handler, no library', 'raw-mini': 'raw handler + zod/mini', 'raw-valibot': 'raw handler + valibot', 'lambda-api-bare': 'lambda-api, no library', 'carve-bare': 'carve, no schemas',
  'carve-one': 'carve one-route unit, zod/mini + DI', 'carve-one-valibot': 'carve one-route unit, valibot + DI', 'carve-mini': 'carve, zod/mini schemas',
};

export interface Bundle {
  file: string;
  bytes: number;
  gzip: number;
  metafile: Metafile;
}

/** Bundles each app as it would ship to Lambda: esbuild, minified, CommonJS, Node 20. */
export async function buildBundles(): Promise<Record<AdapterName, Bundle>> {
  mkdirSync(OUT, { recursive: true });
  const out = {} as Record<AdapterName, Bundle>;
  for (const app of [...ADAPTERS, ...COLD_ONLY]) {
    const file = `${OUT}${app}.cjs`;
    const result = await build({
      entryPoints: [`${HERE}apps/${app}.ts`], outfile: file, bundle: true, minify: true, platform: 'node', target: 'node20',
      format: 'cjs', metafile: true, logLevel: 'error', legalComments: 'none',
      // carve from this checkout's sources, as `carve build` bundles it (npm run bench sets the condition).
      conditions: [...nodeConditions(), 'module'],
      // lambda-api imports the S3 SDK lazily for its sendFile helper; Lambda's runtime provides it.
      external: ['@aws-sdk/*'],
      // carve's rows get what carve build does to a unit (zod's English locale only, tsyringe's ES2015 build, no
      // OpenAPI generator); the peers are bundled as they are.
      plugins: app.startsWith('carve') ? [zodLocalesPlugin(DEFAULT_ZOD_LOCALES), es2015Builds(), leaveOutBuildOnly()] : [],
    });
    const bytes = readFileSync(file);
    out[app] = { file, bytes: bytes.byteLength, gzip: gzipSync(bytes).byteLength, metafile: result.metafile };
  }
  return out;
}
