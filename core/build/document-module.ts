/**
 * @module carve/build/document — the whole app's OpenAPI document for a unit's app module: `carve build` writes
 * it as `openapi.json` beside the unit's bundle, and the unit reads it when it is first asked for, so no unit
 * carries the document or the code that makes one.
 */
import { readFileSync } from 'node:fs';
import type { OpenApiDocument } from '../openapi.js';

export const DOCUMENT_FILE = 'openapi.json';

/** Loads the document beside the module at `moduleUrl` (a unit's bundle: its `import.meta.url`). */
export function documentBeside(moduleUrl: string): () => OpenApiDocument {
  return () => JSON.parse(readFileSync(new URL(`./${DOCUMENT_FILE}`, moduleUrl), 'utf8')) as OpenApiDocument;
}
