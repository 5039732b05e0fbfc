import express, { type NextFunction, type Request, type Response } from 'express';
import * as users from './controllers/users.js';
import { requireClient } from './middleware.js';

export const app = express();
app.use(express.json());
app.get('/users', users.listUsers);
app.get('/users/:id', users.getUser);
app.post('/users', requireClient, users.createUser);

// eslint-disable-next-line @typescript-eslint/no-unused-vars
app.use((err: { status?: number; message: string }, req: Request, res: Response, next: NextFunction) => {
  res.status(err.status ?? 500).json({ error: err.message });
});
