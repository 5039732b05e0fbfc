import serverless from 'serverless-http';
import { expressApp } from './express';

export const handler = serverless(expressApp());
