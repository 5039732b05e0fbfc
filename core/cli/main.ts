import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import type { Manifest } from '../build/build';
import type { planDev } from '../build/dev';
import { loadApp } from './load-app';
import { UsageError } from './usage-error';

type CodemodsModule = {
  analyze(dir: string): { routes: { method: string; path: string; file: string; line: number; middleware: string[]; group: string; blockers: string[] }[]; groups: { name: string; routes: string[] }[]; warnings: { code: string; file: string; line: number; message: string }[] };
  split(dir: string, options: { out?: string; dry?: boolean; force?: boolean }): {
    report: { inventory: unknown[]; converted: { method: string; path: string; handler: string }[]; remainder: { method: string; path: string; code: string; reason: string }[]; warnings: { code: string; file: string; line: number; message: string }[] };
    diff: string;
    changes: { file: string; change: string }[];
  };
  AnalyzeError: new (message: string) => Error;
};
type DevUnits = Awaited<ReturnType<typeof planDev>>;
type StartDev = (units: DevUnits, options: { port: number }) => Promise<{
  gateway: { url: string };
  units: { name: string; url: string; routes: unknown[] }[];
  stop(): Promise<void>;
}>;

function program(): Command {
  const carve = new Command('carve')
    .description('Write HTTP handlers once; choose monolith, microservices, nanoservices or GraphQL at build time.')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.trim().split('\n')[0] + '\n') });

  carve.command('check')
    .description('check that every handler can get its dependencies and that guarded handlers have an authenticator')
    .requiredOption('--app <module>', 'module exporting the app (default export or `app`)')
    .option('--json', 'print the report as JSON')
    .action(async (options: { app: string; json?: boolean }) => {
      const app = await loadApp(options.app);
      const report = app.validate();
      if (options.json) console.log(JSON.stringify({ app: app.name, handlers: app.handlers.length, ...report }, null, 2));
      else if (report.ok) console.log(`${app.name}: ${app.handlers.length} handlers, every dependency resolvable`);
      else for (const problem of report.problems) console.error(problem.message);
      if (!report.ok) throw new UsageError(`${app.name}: ${report.problems.length} problem(s)`);
    });

  carve.command('openapi')
    .description('print (or write) the OpenAPI 3.1 document generated from the handlers')
    .requiredOption('--app <module>', 'module exporting the app (default export or `app`)')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (options: { app: string; out?: string }) => {
      const app = await loadApp(options.app);
      const text = JSON.stringify(app.openapi(), null, 2) + '\n';
      if (options.out) {
        writeFileSync(options.out, text);
        console.log(`wrote ${options.out}`);
      } else process.stdout.write(text);
    });

  carve.command('build')
    .description('build the app in one shape for one target: a bundle per unit, deployment files, carve-manifest.json')
    .requiredOption('--app <module>', 'module exporting the app (default export or `app`)')
    .requiredOption('--shape <shape>', 'monolith, microservices, nanoservices, graphql or custom (groups in carve.config.ts)')
    .requiredOption('--target <target>', 'aws, azure or express')
    .option('--out <dir>', 'output folder; the build goes to <out>/<target>/<shape>/', 'dist')
    .option('--config <file>', 'a carve.config.ts (default: the one next to the app module)')
    .option('--no-cold-start', 'skip measuring each unit\'s cold start')
    .option('--requests <n>', 'requests per month for the cost estimate (aws)', Number)
    .option('--duration-ms <ms>', 'mean handler duration for the cost estimate (aws)', Number, 50)
    .option('--json', 'print the manifest as JSON')
    .action(async (options: { app: string; shape: string; target: string; out: string; config?: string; coldStart: boolean; requests?: number; durationMs: number; json?: boolean }) => {
      const { buildApp } = await import('../build/build');
      const manifest = await buildApp({
        ...options,
        cost: options.requests ? { requestsPerMonth: options.requests, averageDurationMs: options.durationMs } : undefined,
        onProgress: (line) => process.stderr.write(`${line}\n`),
      });
      if (options.json) console.log(JSON.stringify(manifest, null, 2));
      else printReport(manifest, options.out);
    });

  carve.command('analyze')
    .description('find every route of a legacy Express app: path, file:line, middleware, what it uses, a grouping, warnings')
    .argument('<dir>', 'the folder of the Express app')
    .option('--json', 'print the analysis as JSON')
    .action(async (dir: string, options: { json?: boolean }) => {
      if (!existsSync(dir)) throw new UsageError(`${dir}: no such folder`);
      // By name at run time: the CLI lives in core, which never imports codemods statically.
      const { analyze, AnalyzeError } = (await import('carve/codemods')) as CodemodsModule;
      let analysis: Awaited<ReturnType<CodemodsModule['analyze']>>;
      try {
        analysis = analyze(resolve(dir));
      } catch (error) {
        if (error instanceof AnalyzeError) throw new UsageError(error.message);
        throw error;
      }
      if (options.json) return void console.log(JSON.stringify(analysis, null, 2));
      for (const group of analysis.groups) {
        console.log(`${group.name} (${group.routes.length})`);
        for (const r of analysis.routes.filter((x) => x.group === group.name)) {
          console.log(`  ${r.method.padEnd(7)} ${r.path.padEnd(40)} ${r.file}:${r.line}${r.middleware.length ? `  [${r.middleware.join(', ')}]` : ''}${r.blockers.length ? `  ! ${r.blockers.join('; ')}` : ''}`);
        }
      }
      for (const w of analysis.warnings) console.log(`warning ${w.code} ${w.file}:${w.line}: ${w.message}`);
      console.log(`${analysis.routes.length} routes in ${analysis.groups.length} groups, ${analysis.warnings.length} warnings`);
    });

  carve.command('split')
    .description('move the routes of a legacy Express app that convert safely onto carve handlers; the rest stay behind them')
    .argument('<dir>', 'the folder of the Express app')
    .option('--out <dir>', 'where the carve app goes (default <dir>/carve)')
    .option('--dry', 'write nothing: print the plan, a unified diff and the JSON report')
    .option('--force', 'write even into a git tree with uncommitted changes')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, options: { out?: string; dry?: boolean; force?: boolean; json?: boolean }) => {
      if (!existsSync(dir)) throw new UsageError(`${dir}: no such folder`);
      const { split, AnalyzeError } = (await import('carve/codemods')) as CodemodsModule;
      let result: ReturnType<CodemodsModule['split']>;
      try {
        result = split(resolve(dir), options);
      } catch (error) {
        if (error instanceof AnalyzeError) throw new UsageError(error.message);
        throw error;
      }
      const { report } = result;
      if (options.json) return void console.log(JSON.stringify(report, null, 2));
      for (const c of report.converted) console.log(`converted  ${c.method.padEnd(7)} ${c.path.padEnd(36)} → ${c.handler}`);
      for (const r of report.remainder) console.log(`legacy     ${r.method.padEnd(7)} ${r.path.padEnd(36)} ${r.code}: ${r.reason}`);
      for (const w of report.warnings) console.log(`warning ${w.code} ${w.file}:${w.line}: ${w.message}`);
      if (options.dry) {
        process.stdout.write(result.diff);
        console.log(JSON.stringify(report, null, 2));
      } else for (const c of result.changes) if (c.change !== 'unchanged') console.log(`${c.change.padEnd(8)} ${c.file}`);
      console.log(`${report.converted.length} of ${report.inventory.length} routes converted, ${report.remainder.length} left in the legacy app${options.dry ? ' (dry run: nothing written)' : ''}`);
    });

  carve.command('dev')
    .description('run the app locally in a shape: each unit its own process, behind one gateway port')
    .requiredOption('--app <module>', 'module exporting the app (default export or `app`)')
    .option('--shape <shape>', 'monolith, microservices, nanoservices, graphql or custom', 'monolith')
    .option('--port <port>', 'the gateway port', (v) => Number(v), Number(process.env['PORT'] ?? 3000))
    .option('--config <file>', 'a carve.config.ts (default: the one next to the app module)')
    .action(async (options: { app: string; shape: string; port: number; config?: string }) => {
      const { planDev } = await import('../build/dev');
      const units = await planDev(options);
      process.stderr.write(`starting ${units.length} unit(s)…\n`);
      // By name at run time: core never imports an adapter.
      const { startDev } = (await import('carve/express/dev')) as { startDev: StartDev };
      const session = await startDev(units, { port: options.port });
      console.log(`carve dev: ${options.shape}, ${units.length} unit(s) behind ${session.gateway.url}`);
      for (const u of session.units) console.log(`  ${u.name.padEnd(36)} ${u.url}  (${u.routes.length} routes)`);
      const stop = () => void session.stop().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      await new Promise(() => undefined);
    });

  return carve;
}

function printReport(manifest: Manifest, out: string): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows = manifest.units.map((u) => [u.name, String(u.routes.length), kb(u.bundleBytes), kb(u.gzipBytes), u.coldStartMs === null ? '-' : `${u.coldStartMs} ms`]);
  const header = ['unit', 'routes', 'bundle', 'gzip', 'cold start'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  for (const warning of manifest.warnings) console.log(`warning: ${warning}`);
  if (manifest.cost) console.log(`estimated monthly cost (${manifest.cost.requestsPerMonth} requests, ${manifest.cost.averageDurationMs} ms): $${manifest.cost.usd.total}`);
  console.log(`wrote ${out}/${manifest.target}/${manifest.shape}/ (${manifest.units.length} units, carve-manifest.json)`);
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
    if (error instanceof UsageError) {
      console.error(`carve: ${error.message}`);
      return 2;
    }
    console.error(`carve: unexpected failure: ${error instanceof Error ? error.stack : String(error)}`);
    return 1;
  }
}
