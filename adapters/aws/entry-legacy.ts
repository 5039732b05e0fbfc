// The entry of the unit that also serves a split app's legacy Express app, through serverless-express.
// Only this unit bundles it.
import app from 'carve/build/unit';
import { toLambdaHandler } from 'carve/aws';
import { legacyHandler } from 'carve/aws/legacy';

export const handler = toLambdaHandler(app, { fallback: legacyHandler(app.remainder!) });
