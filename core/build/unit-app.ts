/**
 * The source of a unit's app module: the app as written, narrowed to the unit's handlers, or, for the
 * graphql shape, the app behind one GraphQL endpoint. Build entries and `carve dev` units serve its default export.
 */
export function unitAppSource(appModule: string, handlerIds: readonly string[], graphql: boolean, remainder = false): string {
  const lines = [`import * as appModule from ${JSON.stringify(appModule)};`];
  if (graphql) lines.push(`import { toGraphQLApp } from 'carve/graphql';`);
  lines.push('const app = appModule.default ?? appModule.app;');
  lines.push(graphql ? 'export default toGraphQLApp(app);' : `export default app.select(${JSON.stringify(handlerIds)}${remainder ? ', { remainder: true }' : ''});`);
  return `${lines.join('\n')}\n`;
}
