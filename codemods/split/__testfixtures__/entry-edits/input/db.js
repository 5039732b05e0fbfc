// A stand-in for a database client: it answers only after connect(), which the entry runs at start-up.
let connected = false;

exports.connect = async () => {
  connected = true;
};

exports.books = () => {
  if (!connected) throw new Error('not connected');
  return [{ id: 1, title: 'Dune' }];
};
