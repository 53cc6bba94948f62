import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-results/', 'coverage/', 'src/web/static/'] },
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Pathway, content and renderers stay free of the Bot Framework SDK (end of support 2025-12-31).
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/content/**', 'src/pathway/**', 'src/view/**', 'machines/**', 'dialogs/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['botbuilder*', 'botframework-*', 'restify'], message: 'keep botbuilder at the edges' },
          ],
        },
      ],
    },
  },
);
