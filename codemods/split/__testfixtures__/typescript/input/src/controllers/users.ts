import type { Request, Response } from 'express';
import { store } from '../store.js';

export function listUsers(req: Request, res: Response) {
  res.json(store.users.filter((u) => !req.query.name || u.name === req.query.name));
}

export async function getUser(req: Request, res: Response) {
  const user = store.users.find((u) => u.id === req.params.id);
  if (!user) return res.status(404).json({ error: 'not found' });
  res.json(user);
}

export async function createUser(req: Request, res: Response) {
  if (typeof req.body?.name !== 'string') throw Object.assign(new Error('name is required'), { status: 422 });
  const user = { id: req.body.name.toLowerCase(), name: req.body.name };
  store.users.push(user);
  res.status(201).json(user);
}
