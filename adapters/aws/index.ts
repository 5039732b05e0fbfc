/** @module carve/aws — serve a carve app on AWS Lambda behind API Gateway, an ALB or a Function URL. */
export { toLambdaHandler, lambdaRequestOf } from './handler';
export type { CarveLambdaHandler } from './handler';
export { UnsupportedEventError } from './detect';
export type { LambdaHandlerOptions } from './options';
export type {
  AlbEvent, AlbResult, ApiGatewayV1Event, ApiGatewayV1Result, ApiGatewayV2Event, ApiGatewayV2Result,
  LambdaContext, LambdaHandler, LambdaHttpEvent, LambdaHttpResult,
} from './events';
