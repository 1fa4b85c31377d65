import { configDefaults, defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";
import SlowFirstSequencer from "./tests/support/slow-first-sequencer";

/**
 * Unit tests that open the app's database or load its Shopify app: they run with the integration files,
 * each with a database of its own. Every other file under tests/unit is pure and runs in workers that
 * share one module cache and no database; tests/support/setup.ts fails such a file that opens it anyway.
 */
export const DATABASE_UNIT_TESTS = [
  "tests/unit/admin-indonesian-pages.test.tsx",
  "tests/unit/admin-indonesian-render.test.tsx",
  "tests/unit/app-metafields-shipping.test.ts",
  "tests/unit/app-metafields.test.ts",
  "tests/unit/app-proxy-docs-vector.test.ts",
  "tests/unit/delivery/attention-orders.test.tsx",
  "tests/unit/env.test.ts",
  "tests/unit/delivery/promise-kept-card.test.tsx",
  "tests/unit/rate-limit.test.ts",
  "tests/unit/secret-box.test.ts",
  "tests/unit/setup-guide/setup-guide-card.test.tsx",
  "tests/unit/test-database.test.ts",
];

/**
 * Files that need a process of their own: the demo in Chromium (tests/e2e, which loads the built app
 * once per process) and files that mock modules.
 */
export const OWN_PROCESS_TESTS = ["tests/integration/webhook-receipt.test.ts"];

// Kept apart from vite.config.ts so the Remix plugin never loads under vitest.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    // Two cores: one file per core, plus one for the files that mostly wait on Chromium or a child server.
    maxWorkers: 3,
    sequence: { sequencer: SlowFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A poll waits as long as a browser wait (tests/support/browser.ts): on a busy 2-core machine a page
    // may take seconds to answer; a poll that cannot succeed still fails well before the test's timeout.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: "pure",
          include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
          exclude: [...configDefaults.exclude, ...DATABASE_UNIT_TESTS],
          isolate: false,
          setupFiles: ["tests/support/setup.ts"],
          env: { AFTERCARE_TEST_SHARED_MODULES: "1" },
        },
      },
      {
        extends: true,
        test: {
          name: "app-shared",
          // Files that open the app's database or load its Shopify app, in workers that keep the packages
          // they loaded from one file to the next (tests/support/fresh-file.ts starts each file afresh).
          include: ["tests/{integration,extension,security}/**/*.test.{ts,tsx}", ...DATABASE_UNIT_TESTS],
          exclude: [...configDefaults.exclude, ...OWN_PROCESS_TESTS],
          isolate: false,
          setupFiles: ["tests/support/fresh-file.ts", "tests/support/setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "app",
          setupFiles: ["tests/support/setup.ts"],
          // A browser scenario is a dozen page loads and waits, each bounded (tests/support/browser.ts,
          // 15 s with a message saying what it waited for); on a busy 2-core machine their sum may pass 30 s.
          testTimeout: 90_000,
          // The two-instance load test runs on PostgreSQL only (vitest.postgres.config.ts).
          include: ["tests/e2e/**/*.test.{ts,tsx}", ...OWN_PROCESS_TESTS],
        },
      },
      {
        // Checkout and customer account UI extensions (Preact, Polaris web components), rendered in jsdom
        // with @shopify/ui-extensions-tester's mock `shopify` global; each file in its own environment.
        extends: true,
        esbuild: { jsx: "automatic", jsxImportSource: "preact" },
        test: {
          name: "ui-extensions",
          setupFiles: ["tests/support/setup.ts"],
          include: ["extensions/*/tests/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          // The tester's render() imports the extension's .tsx module itself: through vite, not Node.
          server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
        },
      },
    ],
  },
});
