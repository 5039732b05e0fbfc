// The composition root: the one place that wires core, the targets and the codemods together, through
// their public entry points. Nothing imports it back.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { importPeer, MissingPeerError, type App } from 'carve/adapter';
import { buildApp, loadApp, planDev, UsageError } from 'carve/build';
import { initProject } from './init.js';
import { printAnalysis, printManifest, printSplit } from './report.js';
import { resolveTarget, TARGET_NAMES } from './targets.js';

const { version } = createRequire(import.meta.url)('carve/package.json') as { version: string };
const APP_OPTION = ['--app <module>', 'module exporting the app (default export or `app`)'] as const;

/** The codemods need ts-morph, an optional peer: loaded only by the commands that use it. */
const codemods = (command: string) => importPeer('ts-morph', `carve ${command}`, () => import('carve/codemods'));

function program(): Command {
  const carve = new Command('carve')
    .description('Write HTTP handlers once; choose monolith, microservices, nanoservices or GraphQL at build time.')
    .version(version)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.trim().split('\n')[0] + '\n') });

  carve.command('init')
    .description('start a new project: an app with one handler, a provider and a test, tsconfig and scripts')
    .argument('[dir]', 'the folder to create (it must be empty or new)', '.')
    .option('--name <name>', 'the package name (default: the folder name)')
    .option('--carve <spec>', 'what package.json depends on for carve (a version range, a path, a tarball)')
    .action((dir: string, options: { name?: string | undefined; carve?: string | undefined }) => {
      const created = initProject(resolve(dir), { name: options.name, carveSpec: options.carve ?? `^${version}` });
      for (const file of created.files) console.log(`created  ${file}`);
      console.log(`\nnext:\n  cd ${dir}\n  npm install\n  npm test          # type check and the app's test\n  npm run dev       # http://127.0.0.1:3000\n  npm run build     # one Lambda function per route, in dist/`);
    });

  carve.command('check')
    .description('check that every handler can get its dependencies and that guarded handlers have an authenticator')
    .requiredOption(...APP_OPTION)
    .option('--json', 'print the report as JSON')
    .action(async (options: { app: string; json?: boolean | undefined }) => {
      const app = await loadApp(options.app);
      const report = app.validate();
      if (options.json) console.log(JSON.stringify({ app: app.name, handlers: app.handlers.length, ...report }, null, 2));
      else if (report.ok) console.log(`${app.name}: ${app.handlers.length} handlers, every dependency resolvable`);
      else for (const problem of report.problems) console.error(problem.message);
      if (!report.ok) throw new UsageError(`${app.name}: ${report.problems.length} problem(s)`);
    });

  carve.command('openapi')
    .description('print (or write) the OpenAPI 3.1 document generated from the handlers')
    .requiredOption(...APP_OPTION)
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (options: { app: string; out?: string | undefined }) => {
      const app = await loadApp(options.app);
      const text = JSON.stringify(app.openapi(), null, 2) + '\n';
      if (options.out) {
        writeFileSync(options.out, text);
        console.log(`wrote ${options.out}`);
      } else process.stdout.write(text);
    });

  carve.command('build')
    .description('build the app in one shape for one target: a bundle per unit, deployment files, carve-manifest.json')
    .requiredOption(...APP_OPTION)
    .requiredOption('--shape <shape>', 'monolith, microservices, nanoservices, graphql or custom (groups in carve.config.ts)')
    .requiredOption('--target <target>', `${TARGET_NAMES.join(', ')}, or the path of a target module`)
    .option('--out <dir>', 'output folder; the build goes to <out>/<target>/<shape>/', 'dist')
    .option('--config <file>', 'a carve.config.ts (default: the one next to the app module)')
    .option('--stage <name>', 'the deployment stage (dev, prod…): the API stage and stack name on aws; a carve.config.ts that exports a function gets it')
    .option('--no-cold-start', 'skip measuring each unit\'s cold start')
    .option('--requests <n>', 'requests per month for the cost estimate (aws)', Number)
    .option('--duration-ms <ms>', 'mean handler duration for the cost estimate (aws)', Number, 50)
    .option('--json', 'print the manifest as JSON')
    .action(async (options: { app: string; shape: string; target: string; out: string; config?: string | undefined; stage?: string | undefined; coldStart: boolean; requests?: number | undefined; durationMs: number; json?: boolean | undefined }) => {
      const manifest = await buildApp({
        app: options.app, shape: options.shape, target: await resolveTarget(options.target), out: options.out, config: options.config, stage: options.stage,
        coldStart: options.coldStart,
        cost: options.requests ? { requestsPerMonth: options.requests, averageDurationMs: options.durationMs } : undefined,
        onProgress: (line) => process.stderr.write(`${line}\n`),
        shapeWarnings,
      });
      if (options.json) console.log(JSON.stringify(manifest, null, 2));
      else printManifest(manifest, options.out);
    });

  carve.command('analyze')
    .description('find every route of a legacy Express app: path, file:line, middleware, what it uses, a grouping, warnings')
    .argument('<dir>', 'the folder of the Express app')
    .option('--json', 'print the analysis as JSON')
    .action(async (dir: string, options: { json?: boolean | undefined }) => {
      if (!existsSync(dir)) throw new UsageError(`${dir}: no such folder`);
      const { analyze, AnalyzeError } = await codemods('analyze');
      const analysis = asUsageError(AnalyzeError, () => analyze(resolve(dir)));
      if (options.json) console.log(JSON.stringify(analysis, null, 2));
      else printAnalysis(analysis);
    });

  carve.command('split')
    .description('move the routes of a legacy Express app that convert safely onto carve handlers; the rest stay behind them')
    .argument('<dir>', 'the folder of the Express app')
    .option('--out <dir>', 'where the carve app goes (default <dir>/carve)')
    .option('--dry', 'write nothing: print the plan, a unified diff and the JSON report')
    .option('--force', 'write even into a git tree with uncommitted changes')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, options: { out?: string | undefined; dry?: boolean | undefined; force?: boolean | undefined; json?: boolean | undefined }) => {
      if (!existsSync(dir)) throw new UsageError(`${dir}: no such folder`);
      const { split, AnalyzeError } = await codemods('split');
      const result = asUsageError(AnalyzeError, () => split(resolve(dir), options));
      if (options.json) console.log(JSON.stringify(result.report, null, 2));
      else printSplit(result, options.dry === true);
    });

  carve.command('dev')
    .description('run the app locally in a shape: each unit its own process, behind one gateway port')
    .requiredOption(...APP_OPTION)
    .option('--shape <shape>', 'monolith, microservices, nanoservices, graphql or custom', 'monolith')
    .option('--port <port>', 'the gateway port', portNumber, /^\d+$/.test(process.env['PORT'] ?? '') ? Number(process.env['PORT']) : 3000)
    .option('--config <file>', 'a carve.config.ts (default: the one next to the app module)')
    .action(async (options: { app: string; shape: string; port: number; config?: string | undefined }) => {
      const units = await planDev({ ...options, shapeWarnings, onWarning: (warning) => process.stderr.write(`warning: ${warning}\n`) });
      // startDev removes the units' app modules (.carve/dev-*) when it stops or fails; this is for an exit it never sees.
      const planned = dirname(units[0]!.appModule);
      process.once('exit', () => rmSync(planned, { recursive: true, force: true }));
      const { startDev } = await import('carve/express/dev');
      process.stderr.write(`starting ${units.length} unit(s)…\n`);
      const session = await startDev(units, { port: options.port }).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${options.port} is in use: pick another with --port`);
        throw error;
      });
      console.log(`carve dev: ${options.shape}, ${units.length} unit(s) behind ${session.gateway.url}`);
      for (const u of session.units) console.log(`  ${u.name.padEnd(36)} ${u.url}  (${u.routes.length} routes)`);
      const stop = () => void session.stop().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      await new Promise(() => undefined);
    });

  return carve;
}

/** `--port`: a whole number from 0 to 65535, or one line saying what it got. */
function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65_535) throw new InvalidArgumentError(`a port is a whole number from 0 to 65535, not "${value}"`);
  return port;
}

/** The graphql shape's handlers that have no GraphQL field, and why (cookies, bytes, `graphql: false`). */
const shapeWarnings = async (app: App, shape: string): Promise<string[]> => {
  if (shape !== 'graphql') return [];
  const { buildGraphQLSchema } = await importPeer(['graphql', '@apollo/server'], 'the graphql shape', () => import('carve/graphql'));
  return buildGraphQLSchema(app).warnings.map((w) => `graphql shape: ${w}`);
};

/** A codemod's own bad-input error is the CLI's: one line, exit code 2. */
function asUsageError<T>(kind: new (message: string) => Error, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof kind) throw new UsageError(error.message);
    throw error;
  }
}

/** Runs the CLI; resolves the exit code: 0 on success, 2 on bad input, 1 on an unexpected failure. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof MissingPeerError) {
      console.error(`carve: ${error.message}`);
      return 2;
    }
    console.error(`carve: unexpected failure: ${error instanceof Error ? error.stack : String(error)}`);
    return 1;
  }
}
