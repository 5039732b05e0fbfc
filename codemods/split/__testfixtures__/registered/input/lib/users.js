module.exports = ['ada', 'grace'];
