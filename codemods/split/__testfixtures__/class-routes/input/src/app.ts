// A TypeScript app compiled to CommonJS, as typescript-express-starter writes one: the app is a class field,
// routes are classes handed to its constructor, the entry makes the one instance and listens at import.
import cors from 'cors';
import express from 'express';
import { Routes } from '@interfaces/routes.interface';

export class App {
  public app: express.Application;

  constructor(routes: Routes[]) {
    this.app = express();
    this.app.use(cors({ origin: true, credentials: true }));
    routes.forEach((route) => {
      this.app.use('/', route.router);
    });
  }

  public listen() {
    this.app.listen(3000);
  }
}
