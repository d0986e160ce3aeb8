// ESLint flat config. Formatting is Prettier's job (`npm run format`): nothing here sets a
// stylistic rule, so the two never disagree.
import js from '@eslint/js';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'db/migrations/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'next-env.d.ts',
    ],
  },

  // ESLint's own recommended rules (no-control-regex, no-fallthrough, no-empty…); eslint-config-next
  // does not include them. @eslint/js is ESLint's own package, pinned by it.
  js.configs.recommended,

  // Next.js: React, react-hooks (with the React Compiler rules of v7), @next/next with Core Web
  // Vitals as errors, import, and the parser set-up for .ts/.tsx.
  ...nextCoreWebVitals,
  ...nextTypescript,

  // jsx-a11y's recommended rules. eslint-config-next already registers the plugin (and a few of
  // its rules as warnings), so only the rules are taken: registering it twice is an error.
  {
    name: 'jsx-a11y/recommended',
    files: ['**/*.tsx', '**/*.jsx'],
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // autoFocus is kept where focus must land on one field: the field a dialog opens for (the
      // WAI-ARIA dialog pattern) and the sign-in page's email.
      'jsx-a11y/no-autofocus': 'off',
    },
  },

  // Type-aware rules over every TypeScript file; tsconfig.json includes the whole tree.
  {
    name: 'typescript-eslint/recommended-type-checked',
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `async` is how this code writes a function that must return a promise (server actions
      // must be async; jobs and callbacks typed () => Promise<T>); no-floating-promises and
      // no-misused-promises catch the mistakes that matter.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // Imports with one home. sonner loads with the first toast (components/ui/toast.ts mounts
  // components/ui/toaster.tsx then); a static import anywhere else puts it back in every page.
  // Links go through components/ui/link.tsx, which prefetches a destination the user reaches for.
  // Classes are joined with clsx, never merged: tailwind-merge (~8 KB gzip) was in the first load
  // of every page whose components joined classes through it (CONTRIBUTING.md, "classes").
  ...(() => {
    const sonner = {
      name: 'sonner',
      message: "Raise toasts with toast from '@/components/ui/toast' (loads sonner on the first toast).",
    };
    const nextLink = {
      name: 'next/link',
      message: "Use Link from '@/components/ui/link' (prefetches the page a user reaches for).",
    };
    const tailwindMerge = {
      name: 'tailwind-merge',
      message:
        "Join classes with clsx; what a caller changes in a primitive is a prop (size, tone, width…), not a class that overrides one (CONTRIBUTING.md, 'classes').",
    };
    const only = (paths) => ({ 'no-restricted-imports': ['error', { paths: [...paths, tailwindMerge] }] });
    return [
      {
        name: 'one-home-imports',
        files: ['**/*.{ts,tsx}'],
        ignores: ['components/ui/toaster.tsx', 'components/ui/link.tsx'],
        rules: only([sonner, nextLink]),
      },
      { name: 'one-home-imports/toaster', files: ['components/ui/toaster.tsx'], rules: only([nextLink]) },
      { name: 'one-home-imports/link', files: ['components/ui/link.tsx'], rules: only([sonner]) },
    ];
  })(),

  // Tests: the values under assertion are typed any on purpose — vitest's asymmetric matchers
  // (expect.any, expect.stringMatching…) and the JSON bodies of responses, which the very next
  // expect checks; a cast would only restate that assertion.
  {
    name: 'tests',
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Plain JavaScript config files (next.config.js, postcss.config.mjs, this file) are outside
  // the TypeScript project: no type information for them.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  // .cjs files are CommonJS (the next/typescript base sets sourceType module for every file).
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
