import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import { AnalyzeError } from './types.js';

/** The project-loading pass: the app's own server sources, parsed, with what was set aside and why. */
export interface LoadedProject {
  project: Project;
  files: SourceFile[];
  /** Files that look like server code but were not read (minified or compiled output), by path. */
  skipped: { file: string; reason: string }[];
}

export function loadProject(dir: string): LoadedProject {
  const tsconfig = join(dir, 'tsconfig.json');
  const project = existsSync(tsconfig)
    ? new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: true, noEmit: true } })
    : new Project({ compilerOptions: { allowJs: true, noEmit: true, module: ts.ModuleKind.CommonJS, esModuleInterop: true, target: ts.ScriptTarget.ES2022 } });
  const ignored = [`!${dir}/**/node_modules/**`, `!${dir}/**/*.d.ts`];
  // Compiled output (tsconfig's outDir) repeats every route of the sources it came from.
  const outDir = project.getCompilerOptions().outDir;
  const out = outDir ? resolve(dir, outDir) : undefined;
  if (out && out !== resolve(dir) && !relative(dir, out).startsWith('..')) ignored.push(`!${out}/**`);
  project.addSourceFilesAtPaths([`${dir}/**/*.{ts,js,mjs,cjs,mts,cts}`, ...ignored]);
  const files: SourceFile[] = [];
  const skipped: LoadedProject['skipped'] = [];
  const splitOutput = splitOutputs(dir);
  for (const file of project.getSourceFiles()) {
    const path = relative(dir, file.getFilePath());
    // Routes a test file registers (a stub server, a fixture app) are not the app's.
    if (path.startsWith('..') || path.includes('node_modules/') || isTestFile(path)) continue;
    // Nor is what an earlier split wrote: its server would be taken for the legacy app.
    if (splitOutput(file.getFilePath())) {
      project.removeSourceFile(file);
      continue;
    }
    const minified = minifiedReason(file);
    if (minified) {
      // A browser bundle (jquery.min.js) is no loss; a minified file that names Express may be the server's.
      if (/\bexpress\b/.test(file.getFullText())) skipped.push({ file: path, reason: minified });
      project.removeSourceFile(file);
      continue;
    }
    files.push(file);
  }
  checkParsable(files, dir);
  checkFramework(files, dir);
  return { project, files, skipped };
}

/** Whether a file is in the out folder of an earlier `carve split` (the folder with its split-report.json). */
function splitOutputs(root: string): (file: string) => boolean {
  const known = new Map<string, boolean>();
  const inOutput = (dir: string): boolean => {
    const seen = known.get(dir);
    if (seen !== undefined) return seen;
    const result = existsSync(join(dir, 'split-report.json')) || (dir !== root && dirname(dir) !== dir && inOutput(dirname(dir)));
    known.set(dir, result);
    return result;
  };
  return (file) => inOutput(dirname(file));
}

export function isTestFile(path: string): boolean {
  return /(^|\/)(__tests__|__mocks__|tests?|spec)\//.test(path) || /\.(test|spec)\.[cm]?[jt]s$/.test(path);
}

/** Minified code is generated from sources elsewhere, and resolving its thousands of calls costs minutes. */
function minifiedReason(file: SourceFile): string | undefined {
  const path = file.getFilePath();
  if (/[.-]min\.[cm]?js$|\.bundle\.[cm]?js$/.test(path)) return 'a minified bundle (by its name)';
  const text = file.getFullText();
  if (text.length < 4_000) return undefined;
  const longest = text.split('\n').reduce((max, line) => Math.max(max, line.length), 0);
  return longest > 2_000 ? `minified (a line of ${longest} characters)` : undefined;
}

function checkParsable(files: SourceFile[], dir: string): void {
  for (const file of files) {
    const diagnostics = (file.compilerNode as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] | undefined }).parseDiagnostics ?? [];
    const first = diagnostics[0];
    if (first) {
      const { line } = file.compilerNode.getLineAndCharacterOfPosition(first.start);
      throw new AnalyzeError(`${relative(dir, file.getFilePath())}:${line + 1}: syntax error: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`);
    }
  }
}

function checkFramework(files: SourceFile[], dir: string): void {
  for (const file of files) {
    for (const decl of file.getImportDeclarations()) {
      const from = decl.getModuleSpecifierValue();
      if (from === 'routing-controllers' || from === '@nestjs/common' || from === 'inversify-express-utils') {
        throw new AnalyzeError(`${relative(dir, file.getFilePath())}: decorator-based controllers (${from}) are not supported; carve analyze reads Express routing calls`);
      }
    }
  }
}
