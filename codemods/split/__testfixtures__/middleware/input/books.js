module.exports = [{ id: '1', title: 'Dune' }, { id: '2', title: 'Emma' }];
