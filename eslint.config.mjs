import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // A leading underscore marks a binding left unused on purpose (a stub's props).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // Last: turns off the stylistic rules above, so formatting is Prettier's alone.
  prettier,
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'data/**',
    '.reports/**',
    'test-results/**',
    'playwright-report/**',
    'dist/**',
    'screenshots/**',
    'next-env.d.ts',
  ]),
]);
