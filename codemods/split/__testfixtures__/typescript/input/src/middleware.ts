import type { NextFunction, Request, Response } from 'express';
import { store } from './store.js';

export function requireClient(req: Request, res: Response, next: NextFunction) {
  if (!req.get('x-client')) return res.status(400).json({ error: 'say who you are in x-client' });
  if (store.users.length >= 1000) return res.status(507).json({ error: 'the store is full' });
  next();
}
