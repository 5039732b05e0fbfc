export const store = { users: [{ id: '1', name: 'Ada' }] };
