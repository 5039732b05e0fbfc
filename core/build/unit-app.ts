/**
 * The source of a unit's app module: the app as written, narrowed to the unit's handlers, or, for the
 * graphql shape, the app behind one GraphQL endpoint. Build entries and `carve dev` units serve its default export.
 */
export function unitAppSource(appModule: string, handlerIds: readonly string[], graphql: boolean, remainder = false, documentFile?: string): string {
  const lines = [`import * as appModule from ${JSON.stringify(appModule)};`];
  if (graphql) lines.push(`import { toGraphQLApp } from 'carve/graphql';`);
  // A unit bundled with other units' handlers as stubs serves the document the build made from the real ones.
  if (documentFile) lines.push(`import document from ${JSON.stringify(documentFile)} with { type: 'json' };`);
  lines.push('const app = appModule.default ?? appModule.app;');
  const options = [...(remainder ? ['remainder: true'] : []), ...(documentFile ? ['openapi: document'] : [])];
  lines.push(graphql ? 'export default toGraphQLApp(app);' : `export default app.select(${JSON.stringify(handlerIds)}${options.length > 0 ? `, { ${options.join(', ')} }` : ''});`);
  return `${lines.join('\n')}\n`;
}
