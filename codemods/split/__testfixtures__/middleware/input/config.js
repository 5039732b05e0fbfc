module.exports = { apiKeys: ['key-1', 'key-2'], maxPage: 50 };
