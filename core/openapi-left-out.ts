// What `carve build` bundles in place of ./openapi.ts: a unit serves the document the build wrote beside it
// (carve/build/document) and never makes one, so it carries neither the generator nor a JSON Schema converter.
export function buildOpenApi(): never {
  throw new Error('this unit was bundled by carve build without the OpenAPI generator: the whole app\'s document is openapi.json in the build output');
}
