// tsyringe, loaded once the Reflect metadata API it asks for when it loads is in place: both in this one CommonJS
// module, in order, so that order holds on every runtime. Bun evaluates the CommonJS modules an ES module imports
// in an order that varies between runs under load: a shim imported ahead of `tsyringe` in an ES module did not
// always run first (the Bun contract suite failed 5 runs in 6, started together). One module, not a shim module
// required from here: tsx does not map a `require('./x.cjs')` of a namespaced module to its `x.cts`.
//
// tsyringe reads the metadata only to construct decorated classes (@injectable: constructor parameter types);
// carve registers factories and values, so this is all it needs: metadata per target and property, inherited
// along the prototype chain, as reflect-metadata keeps it. An app that loads reflect-metadata itself (first, as
// tsyringe asks) keeps that one.
import type * as Tsyringe from 'tsyringe';

type Table = Map<unknown, unknown>;
const tables = new WeakMap<object, Map<PropertyKey | undefined, Table>>();

function table(target: object, property: PropertyKey | undefined, create: boolean): Table | undefined {
  let byProperty = tables.get(target);
  if (!byProperty) {
    if (!create) return undefined;
    tables.set(target, (byProperty = new Map()));
  }
  let own = byProperty.get(property);
  if (!own && create) byProperty.set(property, (own = new Map()));
  return own;
}

function find(key: unknown, target: object, property: PropertyKey | undefined): Table | undefined {
  for (let at: object | null = target; at !== null; at = Object.getPrototypeOf(at) as object | null) {
    const own = table(at, property, false);
    if (own?.has(key)) return own;
  }
  return undefined;
}

const metadataApi = {
  defineMetadata: (key: unknown, value: unknown, target: object, property?: PropertyKey) => void table(target, property, true)!.set(key, value),
  getOwnMetadata: (key: unknown, target: object, property?: PropertyKey) => table(target, property, false)?.get(key),
  hasOwnMetadata: (key: unknown, target: object, property?: PropertyKey) => table(target, property, false)?.has(key) ?? false,
  getMetadata: (key: unknown, target: object, property?: PropertyKey) => find(key, target, property)?.get(key),
  hasMetadata: (key: unknown, target: object, property?: PropertyKey) => find(key, target, property) !== undefined,
  metadata: (key: unknown, value: unknown) => (target: object, property?: PropertyKey) => metadataApi.defineMetadata(key, value, target, property),
};

const reflect = Reflect as unknown as Record<string, unknown>;
if (typeof reflect['getMetadata'] !== 'function') Object.assign(reflect, metadataApi);

// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the shim above, in this CommonJS module (see the top).
const { container, instanceCachingFactory, instancePerContainerCachingFactory } = require('tsyringe') as typeof Tsyringe;

// A plain object of what carve uses, not tsyringe's exports (marked `__esModule`, whose default import is undefined
// wherever the importer is compiled to CommonJS): a default import gets this one under every interop.
export = { container, instanceCachingFactory, instancePerContainerCachingFactory };
