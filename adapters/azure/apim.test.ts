import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, handler } from 'carve';
import { afterAll, describe, expect, it } from 'vitest';
import { armCheck, azureModels } from '../../test/support/arm-check.js';
import { APIM_API_VERSION, apimTemplate } from './apim.js';
import azureTarget from './target.js';

const outside = mkdtempSync(join(tmpdir(), 'carve-apim-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

const shop = createApp({
  name: 'shop',
  handlers: [
    handler({ method: 'GET', path: '/courses/{code}', auth: 'public' }, () => ({})),
    handler({ method: 'GET', path: '/courses/code', auth: 'public' }, () => ({})),
    handler({ method: 'POST', path: '/courses', auth: 'public' }, () => ({})),
    handler({ method: 'GET', path: '/files/{path+}', auth: 'public' }, () => ({})),
  ],
});
const unit = (name: string, routes: { method: string; path: string }[]) => ({ name, handlerIds: [], routes, dir: '', entry: 'index.js', bundleBytes: 0, gzipBytes: 0, externals: {}, modules: 0, remainder: false });
const units = [
  unit('courses', [{ method: 'GET', path: '/courses/{code}' }, { method: 'GET', path: '/courses/code' }, { method: 'POST', path: '/courses' }]),
  unit('files', [{ method: 'GET', path: '/files/{path+}' }]),
  unit('carve-fallback', []),
];
type Resource = { type: string; name: string; dependsOn?: string[]; properties: Record<string, unknown> };
const template = () => JSON.parse(apimTemplate(shop, units, 'api')) as { resources: Resource[]; parameters: Record<string, unknown> };
const ofType = (suffix: string) => template().resources.filter((r) => r.type === `Microsoft.ApiManagement/${suffix}`);
const named = (suffix: string, name: string) => ofType(suffix).find((r) => r.name === `[concat(parameters('serviceName'), '/${name}')]`);

describe('apim.json: the function apps behind one API Management API', () => {
  it('gives each route (HEAD with its GET) an operation sent to its unit, the rest to the fallback unit', () => {
    const operations = ofType('service/apis/operations').map((r) => `${r.properties['method'] as string} ${r.properties['urlTemplate'] as string}`);
    expect(operations).toEqual([
      'GET /courses/{code}', 'HEAD /courses/{code}', 'GET /courses/code', 'HEAD /courses/code', 'POST /courses', 'GET /files/*', 'HEAD /files/*',
      ...['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((m) => `${m} /*`),
    ]);
    expect(named('service/apis/operations', 'shop/get-courses-code')!.properties['templateParameters']).toEqual([{ name: 'code', type: 'string', required: true }]);
    // Two templates that read alike once the braces go get names of their own.
    expect(named('service/apis/operations', 'shop/get-courses-code-2')!.properties['urlTemplate']).toBe('/courses/code');
    const backendOf = (policy: Resource | undefined) => /backend-id="([^"]+)"/.exec(policy!.properties['value'] as string)?.[1];
    expect(backendOf(named('service/apis/operations/policies', 'shop/post-courses/policy'))).toBe('unit-courses');
    expect(backendOf(named('service/apis/operations/policies', 'shop/get-files-path/policy'))).toBe('unit-files');
    expect(backendOf(named('service/apis/policies', 'shop/policy'))).toBe('unit-carve-fallback');
    // The wildcard operations have no policy of their own: the API's sends them to the fallback unit.
    expect(named('service/apis/operations/policies', 'shop/carve-any-get/policy')).toBeUndefined();
  });

  it('points each backend at its function app under the route prefix, and asks no subscription key (carve checks callers)', () => {
    expect(ofType('service/backends').map((r) => r.properties['url'])).toEqual(['courses', 'files', 'carve-fallback'].map((u) =>
      `[format('https://{0}${u}.azurewebsites.net/api', parameters('functionAppPrefix'))]`));
    expect(named('service/apis', 'shop')!.properties).toMatchObject({ path: '', protocols: ['https'], subscriptionRequired: false });
    expect(template().parameters).toHaveProperty('publisherEmail');
    expect(ofType('service/apis/operations/policies')[0]!.dependsOn).toEqual([
      "[resourceId('Microsoft.ApiManagement/service/apis/operations', parameters('serviceName'), 'shop', 'get-courses-code')]",
      "[resourceId('Microsoft.ApiManagement/service/backends', parameters('serviceName'), 'unit-courses')]",
    ]);
  });

  it('is deployed after the function apps, by the command the build prints; one function app needs none', () => {
    const deploy = (count: number) => azureTarget.deploy!({ app: shop, dir: 'out/azure/nanoservices', units: units.slice(0, count) } as never);
    expect(deploy(3).at(-1)).toBe('az deployment group create --resource-group <group> --template-file out/azure/nanoservices/apim.json --parameters publisherEmail=<you@example.com>');
    expect(deploy(1).some((line) => line.includes('apim.json'))).toBe(false);
  });

  const { python, version } = azureModels();
  it.skipIf(!python)(`matches the Azure SDK's API Management models, API version ${APIM_API_VERSION} (${version || 'azure-mgmt-apimanagement not installed (apt-get install azure-cli): skipped'})`, () => {
    const file = join(outside, 'apim.json');
    writeFileSync(file, apimTemplate(shop, units, 'api'));
    expect(armCheck(python!, file)).toEqual({ status: 0, findings: '' });
    // The check fails what the models do not allow.
    const broken = JSON.parse(apimTemplate(shop, units, 'api')) as { resources: Resource[] };
    broken.resources[1]!.properties['suffix'] = 'v1';
    writeFileSync(file, JSON.stringify(broken));
    expect(armCheck(python!, file).findings).toMatch(/properties\.suffix: not a property of ApiCreateOrUpdateParameter/);
  });
});
