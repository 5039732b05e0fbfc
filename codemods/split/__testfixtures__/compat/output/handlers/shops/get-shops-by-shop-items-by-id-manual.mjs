// Moved by carve split from routes/items.js:8 (GET /shops/:shop/items/:id/manual): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: res.sendFile; middleware <inline:13> runs only when process.env.NODE_ENV !== 'production'.
import { handler } from 'carve';
import { itemsRouter } from '../_compat/items-router.mjs';

export const getShopsByShopItemsByIdManual = handler({ method: 'GET', path: '/shops/{shop}/items/{id}/manual', resource: 'shops', auth: 'public', graphql: false }, ({ request }) => itemsRouter(request));
