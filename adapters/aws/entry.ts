// A unit's Lambda entry: `carve build` bundles it with the unit's app as `carve/build/unit`.
import app from 'carve/build/unit';
import { toLambdaHandler } from 'carve/aws';

export const handler = toLambdaHandler(app);
