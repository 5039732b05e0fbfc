exports.settings = { pageSize: 1, site: 'Notes' };
