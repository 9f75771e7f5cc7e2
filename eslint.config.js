// Type-aware lint with the layering rule of STYLE.md: each ban says why.
import tseslint from 'typescript-eslint';

const impureModules = [
  {
    group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'process'],
    message: 'src/core is pure: no Node I/O (STYLE.md, habit 1). Pass data in through ports.',
  },
  {
    group: ['kysely', 'better-sqlite3', 'pg', '@duckdb/*'],
    message: 'src/core is pure: storage lives in src/store behind ports (src/core/ports.ts).',
  },
  {
    group: ['fastify', 'fastify-*', '@fastify/*', 'commander', 'cli-progress', 'mqtt'],
    message: 'src/core is pure: transports live in src/server and src/cli.',
  },
  {
    group: ['**/store/**', '**/services/**', '**/server/**', '**/cli/**'],
    message: 'core -> nothing: core may not import outer layers (docs/ARCHITECTURE.md).',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'web/dist/**', 'bin/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: impureModules }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core reads no environment: config is passed in.' },
        { name: 'Date', message: 'src/core has no clock: take a Clock port or a date argument.' },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/**', '**/server/**', '**/cli/**'],
              message: 'store -> core only (docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    ignores: ['src/services/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', 'kysely', 'better-sqlite3', 'pg'],
              message:
                'services -> core ports, never the store: repositories are handed in (STYLE.md, habit 2).',
            },
            { group: ['**/server/**', '**/cli/**', 'fastify'], message: 'services know no transport.' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/services/**', '**/server/**', '**/cli/**', '**/config/**'],
              message:
                'web -> src/core (pure) and the API contract only (docs/ARCHITECTURE.md): the browser talks to the server over HTTP.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'process'],
              message: 'web runs in a browser: no Node modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
