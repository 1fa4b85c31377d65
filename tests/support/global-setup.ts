import { randomBytes } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { SQLITE_TEST_DIR, migrateSqliteFile, sqliteTemplatePath } from "./test-database";

/**
 * Once per run: a run id (so two runs at once never share a database file), and the SQLite schema
 * migrated once into a template that each test file copies. The run's files go when it ends.
 */
export default async function globalSetup(): Promise<() => void> {
  const runId = `r${randomBytes(4).toString("hex")}`;
  process.env.AFTERCARE_TEST_RUN = runId;
  await migrateSqliteFile(sqliteTemplatePath(runId));
  return () => {
    for (const name of readdirSync(SQLITE_TEST_DIR)) {
      if (name.startsWith(`${runId}-`)) rmSync(path.join(SQLITE_TEST_DIR, name), { force: true });
    }
  };
}
