/** @module carve/aws — serve a carve app on AWS Lambda behind API Gateway, an ALB or a Function URL. */
export { toLambdaHandler, lambdaRequestOf } from './handler.js';
export type { CarveLambdaHandler } from './handler.js';
export { UnsupportedEventError } from './detect.js';
export type { LambdaHandlerOptions } from './options.js';
export type {
  AlbEvent, AlbResult, ApiGatewayV1Event, ApiGatewayV1Result, ApiGatewayV2Event, ApiGatewayV2Result,
  LambdaContext, LambdaHandler, LambdaHttpEvent, LambdaHttpResult,
} from './events.js';
