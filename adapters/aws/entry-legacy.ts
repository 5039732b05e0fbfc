// The entry of the unit that also serves a split app's legacy Express app, through serverless-express.
// Only this unit bundles it.
import app from 'carve/build/unit';
import settings from 'carve/build/settings';
import { toLambdaHandler } from 'carve/aws';
import { legacyHandler } from 'carve/aws/legacy';
import { entryOptions } from './entry-options.js';
import type { AwsSettings } from './settings.js';

export const handler = toLambdaHandler(app, { ...entryOptions(settings as AwsSettings, app), fallback: legacyHandler(app.remainder!) });
