import { createHandler } from './carve.js';

// carve with its access log on (one JSON line per request, written to a no-op sink).
export const handler = createHandler(true);
