// The Reflect metadata API tsyringe asks for when it loads, installed by importing this module (before tsyringe).
// tsyringe reads the metadata only to construct decorated classes (@injectable: constructor parameter types);
// carve registers factories and values, so this is all it needs: metadata per target and property, inherited
// along the prototype chain, as reflect-metadata keeps it. An app that loads reflect-metadata itself (first, as
// tsyringe asks) keeps that one.
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
