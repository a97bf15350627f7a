/**
 * The house rules on who may import whom (docs/ARCHITECTURE.md, "Boundaries"), checked by
 * `npm run deps` (part of `npm run check` and CI).
 */
const MODULES = '^apps/server/src/modules/';
module.exports = {
  forbidden: [
    {
      name: 'no-runtime-cycle',
      comment:
        'Runtime import cycles make load order matter; break them with an interface or a move.',
      severity: 'error',
      from: {},
      to: {
        circular: true,
        dependencyTypesNot: ['type-only', 'type-import'],
        viaOnly: { dependencyTypesNot: ['type-only', 'type-import'] },
      },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'platform/ is infrastructure: it never imports a domain module.',
      severity: 'error',
      from: { path: '^apps/server/src/platform/' },
      to: { path: MODULES },
    },
    {
      name: 'contracts-import-no-app',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: '^(apps|packages/ui)/' },
    },
    {
      name: 'ui-imports-no-app',
      severity: 'error',
      from: { path: '^packages/ui/' },
      to: { path: '^apps/' },
    },
    {
      name: 'spa-imports-no-server',
      severity: 'error',
      from: { path: '^apps/(admin|dashboard)/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'spas-apart',
      severity: 'error',
      from: { path: '^apps/(admin|dashboard)/' },
      to: { path: '^apps/(admin|dashboard)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'module-through-its-entry',
      comment:
        "A module uses another only through its index.ts (tests too). Schema files may reference another module's table for foreign keys.",
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/`, pathNot: '\\.table\\.ts$' },
      to: {
        path: `${MODULES}[^/]+/`,
        pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'modules-do-not-import-the-composition-root',
      comment:
        'A module states what it needs as its own type (<module>.deps.ts); the composition root builds that and passes it in. Type-only imports count too: AppContext imports the modules.',
      severity: 'error',
      from: { path: MODULES },
      to: { path: '^apps/server/src/(context|app|worker|bootstrap|main)\\.ts$' },
    },
    {
      name: 'test-support-through-entries',
      comment: 'Shared test factories (apps/server/test) use modules like any module does.',
      severity: 'error',
      from: { path: '^apps/server/test/' },
      to: { path: `${MODULES}[^/]+/`, pathNot: `${MODULES}[^/]+/index\\.ts$` },
    },
    {
      name: 'tables-reference-tables',
      comment: 'A schema file may import only schema files of other modules.',
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/.+\\.table\\.ts$` },
      to: { path: `${MODULES}[^/]+/`, pathNot: [`${MODULES}$1/`, '\\.table\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      conditionNames: ['import', 'types', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
