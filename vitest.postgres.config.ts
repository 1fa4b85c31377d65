import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config";

// The PostgreSQL run of `npm test`: the integration and security suites again, each test file on a
// database of its own on 127.0.0.1 (tests/support/test-database.ts), plus the two-instance load test.
// `node scripts/setup.mjs --postgres` installs and starts PostgreSQL; without it these tests fail and say so.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/integration/**/*.test.ts", "tests/security/**/*.test.ts", "tests/load/**/*.test.ts"],
    // The SQLite run leaves tests/load out; this run is where it belongs.
    exclude: configDefaults.exclude,
    env: { AFTERCARE_TEST_DB: "postgres" },
  },
});
