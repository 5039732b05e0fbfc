/** What a unit may do with a cloud resource. */
export type Access = 'read' | 'write' | 'read-write';

const ACCESS: readonly Access[] = ['read', 'write', 'read-write'];

/** A cloud resource the app's code uses, by the name `carve.config.ts` `resources` knows it under. */
export interface CloudResource {
  readonly name: string;
  readonly access: Access;
}

/**
 * A cloud resource the app's providers use (a table, a bucket, a queue, a topic) and the access they need. A provider
 * lists what it uses (`uses: [Orders]`); `carve.config.ts` `resources` says what it is on each target, and each unit's
 * role gets that access to the resources its own handlers reach through the DI graph, and no other.
 *
 * @example
 * const OrdersTable = resource('orders', 'read-write');
 * export const Orders = token('Orders', { uses: [OrdersTable], factory: () => new OrdersRepository('orders') });
 */
export function resource(name: string, access: Access = 'read-write'): CloudResource {
  if (!/^[\w.-]+$/.test(name)) throw new TypeError(`resource(${JSON.stringify(name)}): a resource name is letters, digits, _, . and -`);
  if (!ACCESS.includes(access)) throw new TypeError(`resource(${JSON.stringify(name)}, ${JSON.stringify(access)}): access is 'read', 'write' or 'read-write'`);
  return Object.freeze({ name, access });
}

/** Two needs of the same resource, as one. */
export function widerAccess(a: Access, b: Access): Access {
  return a === b ? a : 'read-write';
}
