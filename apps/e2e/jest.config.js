const { jestConfig } = require('../../jest.preset');

module.exports = { ...jestConfig(__dirname, 'e2e'), testTimeout: 180_000 };
