import { configure as serverlessExpress } from '@vendia/serverless-express';
import { expressApp } from './express.js';

export const handler = serverlessExpress({ app: expressApp() });
