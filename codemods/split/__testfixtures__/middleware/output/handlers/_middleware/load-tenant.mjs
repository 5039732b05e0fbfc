// Converted by carve split from middleware/auth.js:18 (middleware), for every converted route it covers.

export async function loadTenant({ request, locals }) {
  const key = request.headers["x-api-key"];
  if (key) locals.tenant = key.replace(/^key-/, 'tenant-');
  return undefined;
}
