// The layers of the code and which may import which (README "Layout of the code",
// docs/modules.md). Checked by `npm test` (scripts/test.mjs): a new cycle or an import against the
// direction fails the build. Tests (*.test.ts) may reach across layers to set things up; the
// no-cycle rule holds for them too.
const NOT_TESTS = '\\.test\\.tsx?$|-fixture\\.ts$';
// The hub contract: schemas and types shared by the wall and every hub.
const CONTRACT = '^src/hub/(contract|schema-kit|control|enrolment|buildings|wall-state|designer|scene-migrations|scene-diff|tour|tour-sequence|recording)\\.ts$|^src/hub/(topics|events)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'A cycle makes two files one: break it by moving the shared part down a layer.',
      from: {}, to: { circular: true } },
    { name: 'contract-is-a-leaf', severity: 'error', comment: 'The contract is shared with every hub: it imports nothing of the client.',
      from: { path: CONTRACT }, to: { path: '^src/', pathNot: CONTRACT } },
    { name: 'store-below-everything', severity: 'error', comment: 'Stores hold state; they know the contract and nothing else of the wall.',
      from: { path: '^src/store/', pathNot: NOT_TESTS }, to: { path: '^src/', pathNot: `${CONTRACT}|^src/store/` } },
    { name: 'core-is-a-leaf', severity: 'error', comment: 'src/core: types, wall clock, hooks. It may read the contract and the stores, nothing above.',
      from: { path: '^src/core/', pathNot: NOT_TESTS }, to: { path: '^src/', pathNot: `${CONTRACT}|^src/store/|^src/core/` } },
    { name: 'hub-client-below-features', severity: 'error', comment: 'The hub client feeds the stores; it knows no module, twin, control or app.',
      from: { path: '^src/hub/', pathNot: NOT_TESTS }, to: { path: '^src/(app|modules|twin|control|layers|panels)/' } },
    { name: 'kits-are-generic', severity: 'error', comment: 'Shared deck.gl layers and the panel kit know no module, twin, control or app.',
      from: { path: '^src/(layers|panels)/', pathNot: NOT_TESTS }, to: { path: '^src/(app|modules|twin|control|hub/(hub-client|feed|decode))' } },
    { name: 'modules-never-import-the-app-or-twin', severity: 'error', comment: 'A module uses core, store, the contract, layers and panels; the app and twin reach it through the registry.',
      from: { path: '^src/modules/', pathNot: NOT_TESTS }, to: { path: '^src/(app|twin|control)/' } },
    { name: 'twin-and-control-never-import-the-app-or-modules', severity: 'error', comment: 'The twin and display sync get the registry from the runtime (src/core/wall-context.ts).',
      from: { path: '^src/(twin|control)/', pathNot: NOT_TESTS }, to: { path: '^src/(app|modules)/' } },
    { name: 'designer-is-a-screen', severity: 'error', comment: 'The scene designer is a screen like the wall and the console: only the app\'s entry loads it.',
      from: { path: '^src/(core|store|hub|twin|layers|modules|panels|control)/', pathNot: NOT_TESTS }, to: { path: '^src/designer/' } },
    { name: 'mock-hub-shares-only-the-contract', severity: 'error', comment: 'The simulated hub is a hub like any other: it shares the contract (src/hub) and nothing else.',
      from: { path: '^mock-server/', pathNot: NOT_TESTS }, to: { path: '^(src/(?!hub/)|scripts/)' } },
    { name: 'hub-contract-not-client-in-mock', severity: 'error', comment: 'The mock hub uses the contract, not the wall\'s client.',
      from: { path: '^mock-server/', pathNot: NOT_TESTS }, to: { path: '^src/hub/(hub-client|feed|decode/(live-worker|decode-bridge|decoders))' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist[^/]*)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.mjs', '.js', '.d.mts'] },
  },
};
