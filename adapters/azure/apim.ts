import { HTTP_METHODS, type App } from 'carve';
import type { BuiltUnit } from 'carve/build';

/** The API version of every API Management resource in the template (the one the azure-mgmt models it is checked with describe). */
export const APIM_API_VERSION = '2021-08-01';
const SERVICE = "parameters('serviceName')";

type Resource = { type: string; apiVersion: string; name: string; dependsOn?: string[] } & Record<string, unknown>;

/**
 * `apim.json`: an ARM template putting the shape's function apps behind one API Management API (Consumption tier), as
 * API Gateway fronts the Lambda units: each route (HEAD with its GET) an operation whose policy sends it to the function
 * app of its unit; every other method and path, through wildcard operations, to the unit that answers what no route
 * does (carve's 404, 405 with Allow, OPTIONS), or to the only unit. Subscription keys are off: carve checks callers.
 */
export function apimTemplate(app: App, units: readonly BuiltUnit[], routePrefix: string): string {
  const fallback = units.find((u) => u.routes.length === 0) ?? units[0]!;
  const api = resourceName(app.name);
  const service = id('service');
  const resources: Resource[] = [
    {
      type: 'Microsoft.ApiManagement/service', apiVersion: APIM_API_VERSION, name: `[${SERVICE}]`, location: "[parameters('location')]",
      sku: { name: 'Consumption', capacity: 0 },
      properties: { publisherEmail: "[parameters('publisherEmail')]", publisherName: "[parameters('publisherName')]" },
    },
    resource('service/apis', [api], [service], { properties: { displayName: app.name, path: '', protocols: ['https'], subscriptionRequired: false } }),
    ...units.map((unit) => resource('service/backends', [backendId(unit.name)], [service], {
      properties: {
        title: unit.name, protocol: 'http',
        url: `[format('https://{0}${unit.name}.azurewebsites.net${routePrefix ? `/${routePrefix}` : ''}', parameters('functionAppPrefix'))]`,
      },
    })),
    resource('service/apis/policies', [api, 'policy'], [id('service/apis', api), id('service/backends', backendId(fallback.name))], policy(fallback.name)),
  ];
  const used = new Set<string>();
  const operation = (wanted: string, method: string, path: string, unit?: string) => {
    // Two templates can read alike once braces are dropped (`/a/{b}`, `/a/b`): the later one gets a number.
    let name = wanted;
    for (let n = 2; used.has(name); n++) name = `${wanted}-${n}`;
    used.add(name);
    resources.push(resource('service/apis/operations', [api, name], [id('service/apis', api)], {
      properties: { displayName: `${method} ${path}`, method, urlTemplate: urlTemplate(path), templateParameters: templateParameters(path) },
    }));
    if (unit) {
      const needs = [id('service/apis/operations', api, name), id('service/backends', backendId(unit))];
      resources.push(resource('service/apis/operations/policies', [api, name, 'policy'], needs, policy(unit)));
    }
  };
  if (units.length > 1) {
    const routed = new Set<string>();
    for (const unit of units) {
      for (const route of unit.routes.flatMap(gatewayMethods)) {
        // A HEAD route of its own beside its GET: the first unit that names a method and path has it.
        if (routed.has(`${route.method} ${route.path}`)) continue;
        routed.add(`${route.method} ${route.path}`);
        operation(operationName(route.method, route.path), route.method, route.path, unit.name);
      }
    }
  }
  // What no operation above names goes through these to the API's policy: the fallback unit, or the only one.
  for (const method of HTTP_METHODS) operation(`carve-any-${method.toLowerCase()}`, method, '/*');
  return `${JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      serviceName: { type: 'string', defaultValue: resourceName(`${app.name}-apim`), metadata: { description: 'The API Management instance (a global name)' } },
      publisherEmail: { type: 'string', metadata: { description: 'Where Azure sends notices about the instance' } },
      publisherName: { type: 'string', defaultValue: app.name },
      functionAppPrefix: { type: 'string', defaultValue: `${app.name}-`, metadata: { description: 'The function apps are <prefix><unit>.azurewebsites.net' } },
      location: { type: 'string', defaultValue: '[resourceGroup().location]' },
    },
    resources,
    outputs: { gatewayUrl: { type: 'string', value: `[reference(${service.slice(1, -1)}, '${APIM_API_VERSION}').gatewayUrl]` } },
  }, null, 2)}\n`;
}

/** An API Management child resource: its name the service's, then `segments`. */
function resource(suffix: string, segments: string[], dependsOn: string[], body: Record<string, unknown>): Resource {
  return { type: `Microsoft.ApiManagement/${suffix}`, apiVersion: APIM_API_VERSION, name: `[concat(${SERVICE}, '/${segments.join('/')}')]`, dependsOn, ...body };
}

/** The id of an API Management resource, for `dependsOn`. */
function id(suffix: string, ...segments: string[]): string {
  return `[resourceId('Microsoft.ApiManagement/${suffix}', ${[SERVICE, ...segments.map((s) => `'${s}'`)].join(', ')})]`;
}

function policy(unit: string): Record<string, unknown> {
  return {
    properties: {
      format: 'rawxml',
      value: `<policies><inbound><base /><set-backend-service backend-id="${backendId(unit)}" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`,
    },
  };
}

/** The methods API Management tells apart for a route: a GET's HEAD too, and every method for `ANY`. */
const gatewayMethods = (r: { method: string; path: string }) => (r.method === 'ANY' ? HTTP_METHODS : r.method === 'GET' ? ['GET', 'HEAD'] : [r.method]).map((method) => ({ method, path: r.path }));

/** carve `/courses/{code}` stays; a greedy `/files/{path+}` is APIM's wildcard `/files/*`. */
const urlTemplate = (path: string) => path.replace(/\{\w+\+\}$/, '*');
const templateParameters = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1]!, type: 'string', required: true }));
const backendId = (unit: string) => resourceName(`unit-${unit}`);
const operationName = (method: string, path: string) => resourceName(`${method.toLowerCase()}${path.replace(/[{}+]/g, '').replace(/[^A-Za-z0-9]+/g, '-')}`);
const resourceName = (name: string) => name.replace(/[^A-Za-z0-9-]/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
