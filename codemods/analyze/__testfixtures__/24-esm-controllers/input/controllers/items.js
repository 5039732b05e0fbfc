export function list(req, res) { res.json([]); }
export const show = (req, res) => res.json({ id: req.params.id });
