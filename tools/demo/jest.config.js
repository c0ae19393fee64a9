// The demo's check (`npm run demo:check`): not part of `npm test`, since it plays the demo from
// dist/ for a few minutes; run it after changing the demo or the flows it drives.
const { join } = require('node:path');
const { jestConfig } = require('../../jest.preset');

module.exports = {
  ...jestConfig(join(__dirname, '..'), 'integration'),
  displayName: 'demo check',
  testMatch: ['<rootDir>/demo/**/*.check-spec.ts'],
};
