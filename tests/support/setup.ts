import { createHash } from "node:crypto";
import { afterAll, afterEach, expect, vi } from "vitest";
import { createTestDatabase, testDatabaseEngine } from "./test-database";
import { applyTestEnv } from "./test-env";
import { clearShopRoutes, installShopifyNetwork } from "./shopify-network";

// Runs before each test file, before anything imports the app: the shopify-api node adapter
// captures globalThis.fetch on import, so the interceptor must already be in place.
applyTestEnv();
installShopifyNetwork();

const testFile = expect.getState().testPath ?? "unknown";
// The worker's and the file's names keep a run's databases apart; SQLite files also carry the run's id,
// so two runs at once never share one (PostgreSQL's are dropped and made again under the same name).
const fileName = `w${process.env.VITEST_POOL_ID ?? "0"}-${createHash("sha1").update(testFile).digest("hex").slice(0, 10)}`;
const dbName = testDatabaseEngine() === "sqlite" ? `${process.env.AFTERCARE_TEST_RUN ?? "r0"}-${fileName}` : fileName;

// Pure unit files share one module cache per worker (vitest.config.ts): they get no database, and a
// file that opens the app's anyway fails, since it would see another file's rows.
const sharedModules = process.env.AFTERCARE_TEST_SHARED_MODULES === "1";
if (sharedModules) {
  process.env.DATABASE_URL = "file:./tests/.tmp/pure-unit-tests-have-no-database.sqlite";
  // Read before the test file's imports run (they run before its first hook).
  const hadDatabase = globalThis.aftercarePrisma !== undefined;
  afterAll(() => {
    if (!hadDatabase && globalThis.aftercarePrisma !== undefined) {
      throw new Error(`${testFile} opens the app's database: list it in DATABASE_UNIT_TESTS (vitest.config.ts) or move it to tests/integration.`);
    }
  });
} else {
  // Created before the test file is imported, so the app's Prisma client opens the migrated file.
  process.env.DATABASE_URL = await createTestDatabase(dbName);
}

// An unexpected console.error fails the test that caused it.
let consoleErrors: unknown[][] = [];
const errorSpy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  consoleErrors.push(args);
});

afterEach(() => {
  clearShopRoutes();
  const seen = consoleErrors;
  consoleErrors = [];
  if (seen.length > 0) {
    throw new Error(`Unexpected console.error:\n${seen.map((args) => args.map(String).join(" ")).join("\n")}`);
  }
});

afterAll(() => {
  errorSpy.mockRestore();
});

/** Lets a test declare console.error output it expects (the output is then not a failure). */
export function expectConsoleError(): void {
  consoleErrors = [];
}
