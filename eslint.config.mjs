import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

// The layering of the README, lowest first: content (reviewed data) <- flow (statechart, pathway rules)
// <- consult turns and rendering <- edge (transport, stores, chat page, terminal, tools, bench). A layer
// imports only its own and lower layers; everything not listed here is the edge.
const layers = [
  { name: 'content', paths: ['src/content'] },
  { name: 'flow', paths: ['machines', 'src/pathway'] },
  { name: 'turns and rendering', paths: ['dialogs', 'src/view'] },
];

// One zone per layer: its files may import nothing in the repository outside itself and the layers below
// (packages in node_modules are checked by the SDK rule below, not here).
const layerZones = layers.map((layer, i) => ({
  target: layer.paths.map((p) => `./${p}`),
  from: '.',
  except: ['./node_modules', ...layers.slice(0, i + 1).flatMap((l) => l.paths.map((p) => `./${p}`))],
  message: `${layer.name} imports only ${layers
    .slice(0, i + 1)
    .map((l) => l.name)
    .join(', ')} (layering: content <- flow <- turns and rendering <- edge)`,
}));

// The SDKs stay at the edge: the Bot Framework SDK reached end of support on 2025-12-31, and a move to
// the Microsoft 365 Agents SDK should replace edge files only.
const edgeSdks = ['botbuilder*', 'botframework-*', 'restify', '@slack/*', '@azure/*', 'better-sqlite3'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-results/', 'coverage/', 'src/web/static/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
      'import/extensions': ['.ts', '.js'],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No file-level import cycles anywhere (type-only imports cost nothing at run time and are not counted).
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    files: layers.flatMap((l) => l.paths.map((p) => `${p}/**`)),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: edgeSdks, message: 'keep SDKs at the edge', allowTypeImports: true }],
        },
      ],
    },
  },
);
