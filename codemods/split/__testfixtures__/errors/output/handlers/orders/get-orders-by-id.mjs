// Converted by carve split from app.js:9 (GET /orders/:id).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { expressErrors, json } from '../_express.mjs';
import { Orders } from '../../deps.mjs';
import createError from 'http-errors';

export const getOrdersById = handler({ method: 'GET', path: '/orders/{id}', resource: 'orders', auth: 'public', params: z.object({ id: z.string() }), inject: { orders: Orders } }, async ({ params }, { orders }) => expressErrors(async () => {
  const order = orders.find(params.id);
  if (!order) throw createError(404, 'no such order');
  return json(order);
}));
