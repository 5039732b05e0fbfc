export interface FunctionAppFilesOptions {
  /** The package name of the function app. */
  name: string;
  /** `package.json` `main`: a file or glob matching every entry that registers functions. */
  main: string;
  /** Runtime dependencies; `@azure/functions` is always among them (the worker loads it from there). */
  dependencies?: Record<string, string> | undefined;
  routePrefix?: string | undefined;
  /** Arguments of the Node worker (`--enable-source-maps`): the app setting `languageWorkers__node__arguments`. */
  nodeArguments?: readonly string[] | undefined;
  /** App settings of the app's own (carve.config.ts env), for `func start` and Azure alike. */
  values?: Record<string, string> | undefined;
  /** Secrets as Key Vault references: Azure resolves them, `func start` cannot (give them in its environment). */
  secrets?: Record<string, string> | undefined;
}

/** The app settings a carve function app runs with, beside the platform's own: the worker's arguments, then the app's. */
function appSettings(options: FunctionAppFilesOptions, withSecrets: boolean): Record<string, string> {
  const worker = options.nodeArguments && options.nodeArguments.length > 0 ? { languageWorkers__node__arguments: options.nodeArguments.join(' ') } : {};
  return { ...worker, ...options.values, ...(withSecrets ? options.secrets : {}) };
}

/**
 * `host.json` and `package.json` of a v4 function app (the two files the Functions host requires),
 * `local.settings.json`, the app settings `func start` runs it with (HTTP triggers need no storage account), and
 * `appsettings.json`, the same with the secrets' Key Vault references for Azure, in the form
 * `az functionapp config appsettings set --settings @appsettings.json` reads.
 */
export function functionAppFiles(options: FunctionAppFilesOptions): { 'host.json': string; 'package.json': string; 'local.settings.json': string; 'appsettings.json': string } {
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
  const local = { IsEncrypted: false, Values: { FUNCTIONS_WORKER_RUNTIME: 'node', AzureWebJobsStorage: '', ...appSettings(options, false) } };
  const azure = Object.entries(appSettings(options, true)).map(([name, value]) => ({ name, value, slotSetting: false }));
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return { 'host.json': json(host), 'package.json': json(pkg), 'local.settings.json': json(local), 'appsettings.json': json(azure) };
}
