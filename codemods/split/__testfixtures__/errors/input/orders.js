const createError = require('http-errors');

const orders = new Map([['1', { id: '1', item: 'tea' }]]);

module.exports = {
  find(id) {
    return orders.get(id);
  },
  async create(item) {
    const order = { id: item, item };
    orders.set(order.id, order);
    return order;
  },
  async invoice(id) {
    throw new Error(`the invoice service is down (order ${id})`);
  },
  async status(id) {
    if (!orders.has(id)) throw createError(404);
    return { id, status: 'shipped' };
  },
  count() {
    return orders.size;
  },
};
