const users = [{ id: '1', name: 'Ada' }, { id: '2', name: 'Alan' }];
module.exports = {
  users,
  find(id) { return users.find((u) => u.id === id); },
  findLater(id, callback) { setImmediate(() => callback(null, users.find((u) => u.id === id))); },
};
