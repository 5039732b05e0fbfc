/** @module carve/azure — serve a carve app on Azure Functions (Node.js programming model v4). */
export { toAzureHandler, azureRequestOf } from './handler';
export type { AzureHttpHandler } from './handler';
export { registerAzureFunctions } from './register';
export type { RegisterOptions } from './register';
export { planAzureFunctions, azureRoute, AzureRouteError } from './routes';
export type { AzureFunctionPlan, PlanOptions } from './routes';
export type { AzureHandlerOptions } from './options';
export { functionAppFiles } from './app-files';
export type { FunctionAppFilesOptions } from './app-files';
