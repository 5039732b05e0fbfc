/**
 * The file of the module that called the carve function calling this (`handler()`, `token()`, `provide()`), from
 * the stack; tsx maps it back to the .ts file. Recorded only while `carve build` loads an app (CARVE_RECORD_SOURCES=1),
 * so that units can leave out what other units' code needs: a stack per definition costs nothing at run time then.
 */
export function definingModule(): string | undefined {
  if (globalThis.process?.env?.['CARVE_RECORD_SOURCES'] !== '1') return undefined;
  const frames = new Error().stack?.split('\n') ?? [];
  // frames: "Error", definingModule, the carve function, the defining module
  const match = /\(?((?:file:\/\/)?\/[^():]+?)(?:\?[^:]*)?:\d+:\d+\)?\s*$/.exec(frames[3] ?? '');
  if (!match) return undefined;
  return match[1]!.startsWith('file://') ? decodeURIComponent(new URL(match[1]!).pathname) : match[1];
}
