// The layering of Duizhao, checked in `npm test` (tests/run-all.sh → `npm run check:layers`).
//
// The folders are listed top to bottom. A folder imports only from folders listed below it
// (never sideways, never back up), and no module imports itself back through a cycle. The order is
// the one ARCHITECTURE.md draws: entry points → features → the read side → the build side →
// analysis engines → platform helpers → the bottom layer of shared basics and the data model.
// Tests are free to reach across layers (an integration test wires several), so only source files
// are held to the order; cycles are forbidden everywhere.
/** @type {Array<{ layer: string, folders: string[] }>} */
const LAYERS = [
  { layer: 'entry points', folders: ['app/', 'proxy.ts', 'lib/cli.ts', 'lib/cli/'] },
  { layer: 'features', folders: ['lib/import/', 'lib/add/', 'lib/export/'] },
  { layer: 'read side', folders: ['lib/store/'] },
  { layer: 'build side', folders: ['lib/pipeline/'] },
  {
    layer: 'analysis',
    folders: [
      'lib/terms/',
      'lib/learner/',
      'lib/reader/',
      'lib/concordance/',
      'lib/search/',
      'lib/wordalign/',
      'lib/align/',
      'lib/text/',
      'lib/dictionary/',
    ],
  },
  { layer: 'platform', folders: ['lib/db/', 'lib/browser/', 'lib/security/', 'lib/i18n/'] },
  { layer: 'bottom', folders: ['lib/config.ts', 'lib/model.ts', 'lib/base/'] },
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (folder) => `^${escape(folder)}${folder.endsWith('/') ? '' : '$'}`;
const ordered = LAYERS.flatMap(({ layer, folders }) => folders.map((folder) => ({ layer, folder })));
const SOURCE_ONLY = '\\.test\\.tsx?$';

const layerRules = ordered.map(({ layer, folder }, rank) => {
  const notBelow = ordered.slice(0, rank).map((o) => pattern(o.folder));
  return {
    name: `layers:${folder}`,
    comment: `${folder} (${layer}) imports only from the folders listed below it in .dependency-cruiser.cjs`,
    severity: 'error',
    from: { path: pattern(folder), pathNot: SOURCE_ONLY },
    to: { path: notBelow.length ? notBelow : ['^$'] },
  };
});

const unlisted = {
  name: 'layers:unlisted',
  comment: 'every source folder of lib/ has its place in the layer list',
  severity: 'error',
  from: { path: '^lib/', pathNot: [SOURCE_ONLY, ...ordered.map((o) => pattern(o.folder))] },
  to: {},
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'a cycle means two modules cannot be understood, tested or moved apart',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    unlisted,
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.next|build|\\.e2e|tests/bench)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
