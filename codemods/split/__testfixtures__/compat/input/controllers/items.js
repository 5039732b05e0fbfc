const items = [{ id: '1', name: 'lamp' }];

// A controller object: its methods are the handlers.
module.exports = {
  list(req, res) {
    res.format({
      'text/plain': () => res.send(items.map((i) => i.name).join('\n')),
      'application/json': () => res.json(items),
    });
  },
  show: async (req, res) => {
    const item = items.find((i) => i.id === req.params.id);
    if (!item) throw Object.assign(new Error('no such item'), { status: 404 });
    res.json({ ...item, via: req.baseUrl, type: req.get('accept') || null });
  },
};
