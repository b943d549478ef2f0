// Import boundaries, checked in `npm test` (scripts/run-tests.mjs runs it with the unit tests; the unit test
// tests/unit/import-boundaries.test.ts proves each rule fires on a planted import). The layers, top to bottom:
//   app → features → analysis → components / hooks → data → lib
// A layer imports only layers below it; features never import each other (app composes them); DuckDB's runner
// never leaves src/data (every read outside it goes through the coordinator: data/row-reader.ts); no cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-feature-to-feature',
      comment: 'A feature never imports another feature: shared code goes to analysis/, components/, hooks/, data/ or lib/.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'runner-only-in-data',
      comment: 'The SQL runner (and the engine that makes it) is private to src/data: reads go through the coordinator.',
      severity: 'error',
      from: { pathNot: '^src/data/' },
      to: { path: '^src/data/(sql-runner|engine)\\.ts$' },
    },
    {
      name: 'no-upward-from-features',
      comment: 'Features are composed by app/, never the other way round.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'no-upward-from-analysis',
      comment: 'The shared analysis layer is used by features; it does not use them (or the app).',
      severity: 'error',
      from: { path: '^src/analysis/' },
      to: { path: '^src/(features|app)/' },
    },
    {
      name: 'no-upward-from-components-and-hooks',
      comment: 'Shared UI and hooks know nothing of pages or of the analysis built on them.',
      severity: 'error',
      from: { path: '^src/(components|hooks)/' },
      to: { path: '^src/(features|analysis|app)/' },
    },
    {
      name: 'no-upward-from-data',
      comment: 'The data layer is below everything but lib/.',
      severity: 'error',
      from: { path: '^src/data/' },
      to: { path: '^src/(features|analysis|components|hooks|app)/' },
    },
    {
      name: 'no-upward-from-lib',
      comment: 'lib/ holds pure helpers: it imports no layer above it (its settings are read through data/settings-store).',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/(features|analysis|components|hooks|app)/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes load order matter and hides which module owns what.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(css|geojson|wasm|svg|png)(\\?url)?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
