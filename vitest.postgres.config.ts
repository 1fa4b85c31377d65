import { configDefaults, defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";
import { OWN_PROCESS_TESTS } from "./vitest.config";

/**
 * The PostgreSQL run of `npm test`: the files whose outcome can differ by engine, each on a database of
 * its own on 127.0.0.1 (tests/support/test-database.ts), plus the two-instance load test. Everything else
 * goes through the same Prisma models and is proven once, on SQLite. Add a file here when it exercises
 * raw SQL, row locks, unique-conflict handling or transactions.
 * `node scripts/setup.mjs --postgres` installs and starts PostgreSQL; without it these tests fail and say so.
 */
export const ENGINE_SENSITIVE_TESTS = [
  "tests/integration/attention-actions.test.ts", // "Notify the shopper now" claims one message (FOR UPDATE SKIP LOCKED, by id)
  "tests/integration/checkout-survey-retry.test.ts", // two workers claim one Thank-you answer's retry (conditional UPDATE)
  "tests/integration/compliance-webhooks.test.ts", // deletes across every table of a shop
  "tests/integration/dashboard.test.ts", // medians and p90 by window functions, written per engine
  "tests/integration/dashboard-aggregates.test.ts", // aggregates upserted and locked per engine, the migration's backfill SQL per engine
  "tests/integration/database-engine.test.ts", // DATABASE_URL picks the engine
  "tests/integration/flow-triggers.test.ts", // Flow events claimed like the outbox (FOR UPDATE SKIP LOCKED), queued once by conflict
  "tests/integration/healthz.test.ts", // the database round trip
  "tests/integration/order-status.test.ts", // rate-limit counters (raw upserts)
  "tests/integration/order-status-facts.test.ts", // the look-up in one hand-written statement per engine (JSON built by the database)
  "tests/unit/rate-limit.test.ts", // one multi-row upsert for every rule of a hit
  "tests/integration/order-webhooks.test.ts", // receipts' unique conflicts, per-order row locks
  "tests/integration/order-write-race.test.ts", // concurrent writes of one order
  "tests/integration/outbox.test.ts", // FOR UPDATE SKIP LOCKED claims, enqueue conflicts
  "tests/integration/returns-lifecycle.test.ts", // the returns migration, receipts' conflicts, return copies upserted in the receipt's transaction
  "tests/integration/review-prompt.test.ts", // per-customer and per-IP limits
  "tests/integration/run-jobs.test.ts", // jobs enqueue through the outbox's conflict handling
  "tests/integration/webhook-receipt.test.ts", // only the receipt's own conflict is a duplicate; failures roll back
  "tests/integration/webhook-batches.test.ts", // batched receipts (INSERT ... ON CONFLICT DO NOTHING RETURNING), group commit
  "tests/integration/row-upserts.test.ts", // multi-row INSERT ... ON CONFLICT DO UPDATE, in parts under the bound-value limit
  "tests/integration/real-webhook-payloads.test.ts", // Shopify's own bodies stored, 18-digit ids intact
  "tests/security/redaction.test.ts", // every table checked on each engine
  "tests/security/signatures.test.ts", // replay and rate-limit windows
  "tests/load/**/*.test.ts", // two app instances on one database
];

/** The two-instance load test starts app servers of its own: it keeps a process of its own too. */
const PG_OWN_PROCESS_TESTS = ["tests/load/**/*.test.ts"];

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { AFTERCARE_TEST_DB: "postgres" },
    projects: [
      {
        // As in vitest.config.ts: workers keep the packages they loaded, each file starts afresh.
        extends: true,
        test: {
          name: "pg-shared",
          include: ENGINE_SENSITIVE_TESTS,
          exclude: [...configDefaults.exclude, ...OWN_PROCESS_TESTS, ...PG_OWN_PROCESS_TESTS],
          isolate: false,
          setupFiles: ["tests/support/fresh-file.ts", "tests/support/setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "pg",
          include: [...OWN_PROCESS_TESTS, ...PG_OWN_PROCESS_TESTS].filter((file) => ENGINE_SENSITIVE_TESTS.includes(file)),
          setupFiles: ["tests/support/setup.ts"],
        },
      },
    ],
  },
});
