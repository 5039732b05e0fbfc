import { writeFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { loadApp } from './load-app';
import { UsageError } from './usage-error';

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

  return carve;
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
