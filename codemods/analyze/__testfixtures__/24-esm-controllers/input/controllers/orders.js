export async function listOrders(req, res) { res.status(200).json({ page: req.query.page }); }
