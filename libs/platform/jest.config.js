const { jestConfig } = require('../../jest.preset');

const base = jestConfig(__dirname, 'unit');

// Swagger UI is served through @fastify/static, which requires content-disposition 3, an
// ES module. Node 20.19+ loads it natively; Jest's module loader does not (before Node
// 24.9), so the unit tests transpile that one package to CommonJS.
const esmOnly = ['content-disposition'];

module.exports = {
  ...base,
  transform: {
    ...base.transform,
    [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
};
