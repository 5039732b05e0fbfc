import serverlessExpress from '@vendia/serverless-express';
import { expressApp } from './express';

export const handler = serverlessExpress({ app: expressApp() });
