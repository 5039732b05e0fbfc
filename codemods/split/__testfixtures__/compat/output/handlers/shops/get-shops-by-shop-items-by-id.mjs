// Moved by carve split from routes/items.js:7 (GET /shops/:shop/items/:id): its Express code runs as it is, through carve/compat/express. Not rewritten onto the SDK yet: handler not found statically; middleware <inline:13> runs only when process.env.NODE_ENV !== 'production'.
import { handler } from 'carve';
import { itemsRouter } from '../_compat/items-router.mjs';

export const getShopsByShopItemsById = handler({ method: 'GET', path: '/shops/{shop}/items/{id}', resource: 'shops', auth: 'public', graphql: false }, ({ request }) => itemsRouter(request));
