/** Where a unit gets the whole app's OpenAPI document: beside its bundle, nowhere (its gateway serves it), or built at run time. */
export type UnitDocument = 'beside' | 'none' | 'runtime';

/**
 * The source of a unit's app module: the app as written, narrowed to the unit's handlers, or, for the
 * graphql shape, the app behind one GraphQL endpoint. Build entries and `carve dev` units serve its default export.
 */
export function unitAppSource(appModule: string, handlerIds: readonly string[], graphql: boolean, remainder = false, document: UnitDocument = 'runtime'): string {
  const lines = [`import * as appModule from ${JSON.stringify(appModule)};`];
  if (graphql) lines.push(`import { toGraphQLApp } from 'carve/graphql';`);
  if (document === 'beside' && !graphql) lines.push(`import { documentBeside } from 'carve/build/document';`);
  lines.push('const app = appModule.default ?? appModule.app;');
  const options = [
    ...(remainder ? ['remainder: true'] : []),
    ...(document === 'beside' ? ['openapi: documentBeside(import.meta.url)'] : document === 'none' ? ['openapi: false'] : []),
  ];
  lines.push(graphql ? 'export default toGraphQLApp(app);' : `export default app.select(${JSON.stringify(handlerIds)}${options.length > 0 ? `, { ${options.join(', ')} }` : ''});`);
  return `${lines.join('\n')}\n`;
}
