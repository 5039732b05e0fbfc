// Converted by carve split from app.js:23 (GET /orders/:id/invoice).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { expressErrors, json } from '../_express.mjs';
import { Orders } from '../../deps.mjs';

export const getOrdersByIdInvoice = handler({ method: 'GET', path: '/orders/{id}/invoice', resource: 'orders', auth: 'public', params: z.object({ id: z.string() }), inject: { orders: Orders } }, async ({ params }, { orders }) => expressErrors(async () => {
  const invoice = await orders.invoice(params.id);
  return json(invoice);
}));
