import { defineConfig } from 'vitest/config';
import path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);

// `server-only` throws outside React Server Components; tests run modules directly.
const alias = {
  '@': root,
  'server-only': path.join(root, 'scripts/testing/empty-module.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['{lib,components,scripts,app}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['{lib,components,scripts,app}/**/*.int.test.ts'],
          globalSetup: ['scripts/testing/vitest-global-setup.ts'],
          setupFiles: ['scripts/testing/vitest-integration-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
