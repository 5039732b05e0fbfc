// Converted by carve split from middleware/auth.js:12 (middleware), for every converted route it covers.

export async function loadUser({ request, locals }) {
  locals.user = { key: request.headers["x-api-key"] };
  return undefined;
}
