// Converted by carve split from app.js:16 (POST /orders).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { expressErrors, json } from '../_express.mjs';
import { Orders } from '../../deps.mjs';
import createError from 'http-errors';

export const postOrders = handler({ method: 'POST', path: '/orders', resource: 'orders', auth: 'public', body: z.any(), inject: { orders: Orders } }, async ({ body }, { orders }) => expressErrors(async () => {
  if (!body || !body.item) throw createError(422, 'item is required');
  const order = await orders.create(body.item);
  return json(order, 201);
}));
