import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

// The layering of the README, lowest first: content (reviewed data) <- flow (statechart, pathway rules,
// and the few generic helpers they need) <- consult turns and rendering <- edge (conversation service,
// channels, transport, stores, the edge's helpers in src/lib, chat page, terminal, tools, bench). A layer
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

// Within the edge, the Bot Framework SDK is imported by src/bot, src/http and src/server.ts alone: that is
// all a move to the Agents SDK touches (docs/architecture.md). Everything else speaks the activity as plain
// JSON (src/channels/activity.ts). Tests may use its types.
const botFrameworkSdk = ['botbuilder', 'botbuilder-*', 'botframework-*'];
const botFrameworkEdge = ['src/bot/**', 'src/http/**', 'src/server.ts'];

// Every channel decision reads the channel table (src/channels/table.ts): no comparison of a channel id
// with a literal, and no botbuilder `Channels.*` constant, anywhere else.
const channelIdComparison =
  "BinaryExpression[operator=/^[!=]==?$/]:matches([left.property.name='channelId'], [right.property.name='channelId'], [left.name='channelId'], [right.name='channelId'])";
const channelRules = [
  {
    selector: channelIdComparison,
    message: 'channel decisions read the channel table (src/channels/table.ts)',
  },
  {
    selector: "MemberExpression[object.name='Channels']",
    message: 'channel decisions read the channel table (src/channels/table.ts)',
  },
  {
    selector: "SwitchStatement[discriminant.property.name='channelId']",
    message: 'channel decisions read the channel table (src/channels/table.ts)',
  },
];

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
    files: ['src/**/*.ts', 'dialogs/**/*.ts', 'machines/**/*.ts', 'tools/**/*.ts', 'bench/**/*.ts'],
    ignores: [...botFrameworkEdge, 'src/channels/table.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...channelRules],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: botFrameworkSdk,
              message: 'the Bot Framework SDK stays in src/bot, src/http and src/server.ts',
            },
          ],
        },
      ],
    },
  },
  {
    files: botFrameworkEdge,
    rules: { 'no-restricted-syntax': ['error', ...channelRules] },
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
