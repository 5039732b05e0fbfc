/**
 * The custom export conditions this Node process resolves with (`--conditions`/`-C`, on the command line or
 * in NODE_OPTIONS), so bundles resolve packages the way the build's own process does.
 */
export function nodeConditions(): string[] {
  const args = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/).filter(Boolean)];
  const found: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const match = /^(?:--conditions|-C)(?:=(.+))?$/.exec(args[i]!);
    if (!match) continue;
    const value = match[1] ?? args[++i];
    if (value) found.push(value);
  }
  return found;
}
