import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKeyAuth, createApp, handler, jwtAuth, type App } from 'carve';
import type { EmitContext } from 'carve/build';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { samTemplate } from './sam.js';
import { serverlessYml } from './serverless-yml.js';
import { AwsSettings } from './settings.js';
import { unguardedAtGateway } from './gateway-auth.js';
import { cfnLint, pythonCfnLint } from '../../test/support/cfn-lint.js';

// Outside the project: no serverless-offline resolves from here.
const outside = mkdtempSync(join(tmpdir(), 'carve-sam-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

const unit = (name: string, routes: { method: string; path: string }[], outDir: string) => ({ name, handlerIds: [], routes, dir: join(outDir, name), entry: 'index.js', bundleBytes: 0, gzipBytes: 0, externals: {}, modules: 0, remainder: false });
const context = (settings: Partial<AwsSettings>, outDir: string, app: App = createApp({ name: 'shop', handlers: [] }), units = [unit('all', [], outDir)]): EmitContext<AwsSettings> => ({
  app, shape: units.length === 1 ? 'monolith' : 'nanoservices', outDir, settings: AwsSettings.parse(settings), bundle: async () => '',
  environment: () => ({ values: {}, secrets: {} }), permissions: () => ({ resources: {}, statements: [] }), units,
});

describe('the AWS deployment files', () => {
  it('run each function with source maps, unless sourceMaps: false', () => {
    const on = context({}, outside);
    expect(parse(samTemplate(on)).Globals.Function).toMatchObject({ Runtime: 'nodejs22.x', Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } } });
    expect(parse(serverlessYml(on)).provider.environment).toEqual({ NODE_OPTIONS: '--enable-source-maps' });
    const off = context({ sourceMaps: false, runtime: 'nodejs24.x' }, outside);
    expect(parse(samTemplate(off)).Globals.Function).not.toHaveProperty('Environment');
    expect(parse(samTemplate(off)).Globals.Function.Runtime).toBe('nodejs24.x');
    expect(parse(serverlessYml(off)).provider).not.toHaveProperty('environment');
  });

  it('list serverless-offline only where osls will find it', () => {
    expect(parse(serverlessYml(context({}, outside)))).not.toHaveProperty('plugins');
    expect(parse(serverlessYml(context({}, join(import.meta.dirname, 'out')))).plugins).toEqual(['serverless-offline']);
  });

  describe('a JWT authorizer at the gateway, from the app\'s jwtAuth', () => {
    const oidc = jwtAuth({ jwksUrl: 'https://login.shop.example/.well-known/jwks.json', issuer: 'https://login.shop.example/', audience: 'shop-api' });
    const routes = [
      handler({ method: 'GET', path: '/health', auth: 'public' }, () => 'ok'),
      handler({ method: 'GET', path: '/orders', auth: { roles: ['clerk'] } }, () => []),
    ];
    const shop = (auth: Parameters<typeof createApp>[0]['auth']) => createApp({ name: 'shop', handlers: routes, auth });
    const nano = (app: App) => context({}, outside, app, [unit('get-health', [{ method: 'GET', path: '/health' }], outside), unit('get-orders', [{ method: 'GET', path: '/orders' }], outside), unit('carve-fallback', [], outside)]);

    it('guards only the routes that need a principal, HEAD with its GET; carve still checks the roles', () => {
      const sam = parse(samTemplate(nano(shop(oidc))));
      expect(sam.Resources.CarveApi).toEqual({ Type: 'AWS::Serverless::HttpApi', Properties: { StageName: '$default', Auth: { Authorizers: { CarveJwt: { IdentitySource: '$request.header.Authorization', JwtConfiguration: { issuer: 'https://login.shop.example/', audience: ['shop-api'] } } } } } });
      const events = (fn: string) => Object.values(sam.Resources[fn].Properties.Events as Record<string, { Properties?: { Method: string; Auth?: unknown } }>).map((e) => [e.Properties?.Method, e.Properties?.Auth]);
      expect(events('GetOrdersFunction')).toEqual([['GET', { Authorizer: 'CarveJwt' }], ['HEAD', { Authorizer: 'CarveJwt' }]]);
      expect(events('GetHealthFunction')).toEqual([['GET', undefined], ['HEAD', undefined]]);
      const sls = parse(serverlessYml(nano(shop(oidc))));
      expect(sls.provider.httpApi.authorizers).toEqual({ CarveJwt: { type: 'jwt', identitySource: '$request.header.Authorization', issuerUrl: 'https://login.shop.example/', audience: ['shop-api'] } });
      expect(sls.functions['get-orders'].events[0]).toEqual({ httpApi: { method: 'GET', path: '/orders', authorizer: { name: 'CarveJwt' } } });
      expect(sls.functions['get-health'].events[0]).toEqual({ httpApi: { method: 'GET', path: '/health' } });
      const { python } = pythonCfnLint();
      if (python) {
        const file = join(outside, 'template.yaml');
        writeFileSync(file, samTemplate(nano(shop(oidc))));
        expect(cfnLint(python, file)).toEqual({ status: 0, findings: '' });
      }
    });

    it('puts none where the gateway cannot verify the token or would refuse a caller carve admits, and says so for a $default route', () => {
      for (const auth of [jwtAuth({ secret: 'x'.repeat(32) }), jwtAuth({ jwksUrl: 'https://login.shop.example/jwks', issuer: 'shop', audience: 'a' }), [oidc, apiKeyAuth({ keys: { k: { sub: 'ci' } } })]]) {
        expect(parse(samTemplate(nano(shop(auth)))).Resources.CarveApi.Properties).not.toHaveProperty('Auth');
      }
      const monolith = context({}, outside, shop(oidc), [unit('shop', [{ method: 'GET', path: '/health' }, { method: 'GET', path: '/orders' }], outside)]);
      expect(parse(samTemplate(monolith)).Resources.ShopFunction.Properties.Events).toEqual({ Default: { Type: 'HttpApi', Properties: { ApiId: { Ref: 'CarveApi' } } } });
      expect(unguardedAtGateway(monolith.app, monolith.units, 'http')).toEqual([expect.stringMatching(/^shop is the HTTP API's \$default route: the gateway cannot tell/)]);
      expect(unguardedAtGateway(nano(shop(oidc)).app, nano(shop(oidc)).units, 'http')).toEqual([]);
    });
  });
});
