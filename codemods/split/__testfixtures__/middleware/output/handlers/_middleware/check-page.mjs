// Converted by carve split from middleware/paging.js:4 (middleware), for every converted route it covers.
import createError from 'http-errors';

export async function checkPage({ query }, { config }) {
  const page = query.page;
  if (page === undefined) return undefined;
  if (!/^\d+$/.test(page) || Number(page) > config.maxPage) throw createError(400, 'page must be a number up to the limit');
  return undefined;
}
