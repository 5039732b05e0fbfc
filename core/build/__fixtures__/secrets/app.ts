// An app with one secret and one table: a unit gets the secret, and access to the table, only where its handlers
// reach them through the DI graph (paying writes orders and needs the key; reading an order reads them).
import { createApp, handler, resource, secret, token } from 'carve';

const PaymentsKey = secret('PAYMENTS_KEY');
const Payments = token('Payments', {
  inject: { key: PaymentsKey }, uses: [resource('orders', 'write')],
  factory: ({ key }) => ({ charge: (cents: number) => ({ cents, signedWith: key.length }) }),
});
const Orders = token('Orders', { uses: [resource('orders', 'read')], factory: () => ({ find: (id: string) => ({ id }) }) });

const pay = handler({ method: 'POST', path: '/payments', auth: 'public', inject: { payments: Payments } }, (_input, { payments }) => payments.charge(100));
const order = handler({ method: 'GET', path: '/orders/{id}', auth: 'public', inject: { orders: Orders } }, ({ params }, { orders }) => orders.find(params.id ?? ''));
const health = handler({ method: 'GET', path: '/health', auth: 'public' }, () => ({ status: 'ok' }));

export default createApp({ name: 'shop', handlers: [pay, order, health] });
