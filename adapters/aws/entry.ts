// A unit's Lambda entry: `carve build` bundles it with the unit's app as `carve/build/unit`.
import app from 'carve/build/unit';
import settings from 'carve/build/settings';
import { toLambdaHandler } from 'carve/aws';
import { entryOptions } from './entry-options.js';
import type { AwsSettings } from './settings.js';

export const handler = toLambdaHandler(app, entryOptions(settings as AwsSettings, app));
