// Moved by carve split from routes/items.js:6 (GET /shops/:shop/items): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: res.format; middleware <inline:13> runs only when process.env.NODE_ENV !== 'production'.
import { handler } from 'carve';
import { itemsRouter } from '../_compat/items-router.mjs';

export const getShopsByShopItems = handler({ method: 'GET', path: '/shops/{shop}/items', resource: 'shops', auth: 'public', graphql: false }, ({ request }) => itemsRouter(request));
