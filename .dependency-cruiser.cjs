/**
 * The import rules `npm run lint` enforces with dependency-cruiser (`npm run lint:layers`): the
 * layers of src/ (README, "Develop"), no cycles, the purity of the layers that render saved
 * results, and the two programs (src/ and target/) apart. Paths are from the repository root.
 */

/** src/ from the bottom: a file may import its own layer and the layers below it. */
const LAYERS = [
  { name: 'core', path: '^src/core/' },
  { name: 'metrics', path: '^src/(metrics|executors)/' },
  { name: 'http', path: '^src/http/' },
  { name: 'scenario', path: '^src/scenario/' },
  { name: 'config', path: '^src/config/' },
  { name: 'engine', path: '^src/engine/' },
  { name: 'outputs', path: '^src/(outputs|report|capacity|compare|merge|export)/' },
  { name: 'api', path: '^src/api\\.ts$' },
  { name: 'workflows', path: '^src/workflows/' },
  { name: 'cli', path: '^src/(cli/|index\\.ts$)' },
];

/**
 * The Output contract: outputs implement it above the engine, and the engine, which feeds
 * them, sees this one file of theirs, for types only (as k6's engine sees its `output` package).
 */
const OUTPUT_CONTRACT = '^src/outputs/types\\.ts$';

const TESTS = '(\\.test\\.ts|/test-support\\.ts)$';

/** Node modules that reach the disk, the network or other processes. */
const IMPURE_CORE =
  '^(node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|child_process|cluster|worker_threads)$';

const ENGINE = LAYERS.findIndex((layer) => layer.name === 'engine');

/** The paths of the layers above the one at `index`, as one pattern. */
const above = (index) =>
  LAYERS.slice(index + 1)
    .map((layer) => layer.path)
    .join('|');

/** One rule per layer: nothing in it imports a layer above it. */
const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer.name}`,
  comment: `${layer.name} imports only from ${LAYERS.slice(0, index + 1)
    .map((below) => below.name)
    .join(', ')}`,
  severity: 'error',
  from: { path: layer.path },
  to: index === ENGINE ? { path: above(index), pathNot: OUTPUT_CONTRACT } : { path: above(index) },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'engine-sees-the-output-contract-as-types',
      comment:
        'the engine imports the Output contract (src/outputs/types.ts) with `import type` only',
      severity: 'error',
      from: { path: LAYERS[ENGINE].path },
      to: { path: OUTPUT_CONTRACT, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'output-contract-stays-at-the-engine',
      comment: 'the Output contract imports nothing above the engine, since the engine imports it',
      severity: 'error',
      from: { path: OUTPUT_CONTRACT },
      to: { path: above(ENGINE) },
    },
    {
      name: 'src-file-in-a-layer',
      comment:
        'every file of src/ is in a layer: add a new folder to LAYERS in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS.map((layer) => layer.path) },
      to: {},
    },
    {
      name: 'pure-renderers',
      comment:
        'capacity/, compare/, merge/, export/ and report/ are pure functions over saved results and scenarios: no disk, network or processes ' +
        '(writing files is for outputs/ and workflows/); report-assets.ts reads the installed uPlot files',
      severity: 'error',
      from: {
        path: '^src/(capacity|report|compare|merge|export)/',
        pathNot: [TESTS, '^src/report/html/report-assets\\.ts$'],
      },
      to: { dependencyTypes: ['core'], path: IMPURE_CORE },
    },
    {
      name: 'pure-renderers-write-nothing',
      comment:
        'capacity/, compare/, merge/, export/ and report/ render; outputs/ and workflows/ write what they render',
      severity: 'error',
      from: { path: '^src/(capacity|report|compare|merge|export)/', pathNot: TESTS },
      to: { path: '^src/outputs/' },
    },
    {
      name: 'pure-renderers-no-http-client',
      comment: 'capacity/, compare/, merge/, export/ and report/ send no requests',
      severity: 'error',
      from: { path: '^src/(capacity|report|compare|merge|export)/', pathNot: TESTS },
      to: { dependencyTypes: ['npm'], path: '(^|/)node_modules/undici/' },
    },
    {
      name: 'src-and-target-apart',
      comment:
        'src/ (the generator) and target/ (the service) are two programs: neither imports the other',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^target/' },
    },
    {
      name: 'target-and-src-apart',
      comment:
        'src/ (the generator) and target/ (the service) are two programs: neither imports the other',
      severity: 'error',
      from: { path: '^target/' },
      to: { path: '^src/' },
    },
    {
      name: 'src-ships-no-test-code',
      comment: 'only tests and test support in src/ import test/, and then only test/support/',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|grafana|scenarios)/', pathNot: '^test/support/' },
    },
    {
      name: 'src-uses-test-support-in-tests-only',
      comment: 'test/support/ is for tests: code that ships in dist/ never imports it',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: '^test/support/' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles in src/ or target/, type-only imports included',
      severity: 'error',
      from: { path: '^(src|target)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-bench|dist-grafana|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
