// Moved by carve split from app.js:22 (GET /news): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: middleware rateLimit({ windowMs: 60_000, limit: 5 }) cannot come along: it is not a function carve split can read.
import { handler } from 'carve';
import { newsRoutes } from '../_compat/news-routes.mjs';

export const getNews = handler({ method: 'GET', path: '/news', resource: 'news', auth: 'public', graphql: false }, ({ request }) => newsRoutes(request));
