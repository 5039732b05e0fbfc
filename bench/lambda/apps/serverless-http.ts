import serverless from 'serverless-http';
import { expressApp } from './express.js';

export const handler = serverless(expressApp());
