import express from 'express';
import * as users from './controllers/users.js';
import { requireClient } from './middleware.js';

export const app = express();
app.use(express.json());
app.get('/users', users.listUsers);
app.get('/users/:id', users.getUser);
app.post('/users', requireClient, users.createUser);
