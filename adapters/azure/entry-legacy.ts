// The entry of the function app that also serves a split app's legacy Express app: its catch-all
// function hands carve's unmatched requests to serverless-express. Only this unit bundles it.
import app from 'carve/build/unit';
import settings from 'carve/build/settings';
import { registerAzureFunctions } from 'carve/azure';
import { legacyAzureHandler } from 'carve/azure/legacy';
import type { AzureSettings } from './settings.js';

const { routePrefix, timeoutSeconds } = settings as AzureSettings;
registerAzureFunctions(app, { routePrefix, timeoutMs: timeoutSeconds * 1000, fallback: legacyAzureHandler(app.remainder!, { routePrefix }) });
