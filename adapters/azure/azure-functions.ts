// @azure/functions is a webpack-built CommonJS bundle: named ESM imports of its values fail in plain
// Node ("Named export 'HttpRequest' not found", azure-functions-nodejs-library#287). Import the default.
import azureFunctions from '@azure/functions';

export const azure = azureFunctions;
