// Converted by carve split from app.js:35 (DELETE /admin/orders/:id).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { expressErrors } from '../_express.mjs';
import { errorHandlerAtLine37 } from '../_middleware/error-handler-at-line37.mjs';
import createError from 'http-errors';

export const deleteAdminOrdersById = handler({ method: 'DELETE', path: '/admin/orders/{id}', resource: 'admin', auth: 'public', params: z.object({ id: z.string() }) }, async () => expressErrors(async () => {
  throw createError(403, 'admins only');
}, (error) => errorHandlerAtLine37(error)));
