import express from 'express';
import * as items from './controllers/items.js';
import { listOrders } from './controllers/orders.js';
const app = express();
app.get('/items', items.list);
app.get('/items/:id', items.show);
app.get('/orders', listOrders);
export default app;
