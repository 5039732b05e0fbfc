// A unit's function app entry (package.json `main`): registers the unit's routes with app.http().
import app from 'carve/build/unit';
import settings from 'carve/build/settings';
import { registerAzureFunctions } from 'carve/azure';
import type { AzureSettings } from './settings.js';

const { routePrefix, timeoutSeconds } = settings as AzureSettings;
registerAzureFunctions(app, { routePrefix, timeoutMs: timeoutSeconds * 1000 });
