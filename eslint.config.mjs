// One flat config for the workspace; `pnpm lint` runs it with --max-warnings 0.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.temp/**',
      '**/coverage/**',
      'data/**',
      '.ci-tmp/**',
      'server/.dist-*/**',
      'miniprogram/e2e/.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      // Nest injects by the runtime type of constructor parameters: a type-only import would erase it.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message:
                'IsOptional lets null through to the service: use Optional() (null is absent) or Nullable() from common/validation/optional.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./',
              message: "Import across folders with the '@/' alias (src/), not '../../'.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'miniprogram/scripts/**', 'miniprogram/e2e/**', '**/*.mjs', 'server/bench/**'],
    rules: { 'no-console': 'off' },
  },
);
