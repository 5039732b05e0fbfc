import { Router } from 'express';
import { Routes } from '@interfaces/routes.interface';

export class UserRoute implements Routes {
  public path = '/users';
  public router = Router();

  constructor() {
    this.router.get(`${this.path}`, (req, res) => {
      res.json([{ id: 1 }]);
    });
    this.router.get(`${this.path}/:id`, (req, res) => {
      res.format({ json: () => res.json({ id: Number(req.params.id) }) });
    });
  }
}
