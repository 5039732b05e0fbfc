export interface FunctionAppFilesOptions {
  /** The package name of the function app. */
  name: string;
  /** `package.json` `main`: a file or glob matching every entry that registers functions. */
  main: string;
  /** Runtime dependencies; `@azure/functions` is always among them (the worker loads it from there). */
  dependencies?: Record<string, string> | undefined;
  routePrefix?: string | undefined;
}

/** `host.json` and `package.json` of a v4 function app: the two files the Functions host requires. */
export function functionAppFiles(options: FunctionAppFilesOptions): { 'host.json': string; 'package.json': string } {
  const host = {
    version: '2.0',
    extensionBundle: { id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' },
    extensions: { http: { routePrefix: options.routePrefix ?? 'api' } },
    logging: { logLevel: { default: 'Information' } },
  };
  const pkg = {
    name: options.name,
    version: '1.0.0',
    private: true,
    type: 'module',
    main: options.main,
    dependencies: { '@azure/functions': '^4.16.0', ...options.dependencies },
  };
  return { 'host.json': `${JSON.stringify(host, null, 2)}\n`, 'package.json': `${JSON.stringify(pkg, null, 2)}\n` };
}
