// An app with one secret, read by one handler through a provider: only that handler's unit gets it.
import { createApp, handler, secret, token } from 'carve';

export const PaymentsKey = secret('PAYMENTS_KEY');
export const Payments = token('Payments', { inject: { key: PaymentsKey }, factory: ({ key }) => ({ charge: (cents: number) => ({ cents, signedWith: key.length }) }) });

const pay = handler({ method: 'POST', path: '/payments', auth: 'public', inject: { payments: Payments } }, (_input, { payments }) => payments.charge(100));
const health = handler({ method: 'GET', path: '/health', auth: 'public' }, () => ({ status: 'ok' }));

export default createApp({ name: 'shop', handlers: [pay, health] });
