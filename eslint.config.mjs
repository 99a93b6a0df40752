// Lint rules, checked in `npm test` (`npm run lint`): typescript-eslint's recommended set, the rules of
// React hooks, and the Next.js plugin's Core Web Vitals rules, as the Next.js ESLint guide sets them up.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import nextPlugin from '@next/eslint-plugin-next';

export default defineConfig([
  globalIgnores([
    'node_modules/',
    '.next/',
    'build/',
    '.e2e/',
    '.pg/',
    'cache/',
    'test-results/',
    'playwright-report/',
    'next-env.d.ts',
  ]),
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    plugins: { '@next/next': nextPlugin },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs['core-web-vitals'].rules },
  },
  {
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a callback's position, a destructured rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
]);
