import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");

/** The engine this test run uses: SQLite unless AFTERCARE_TEST_DB=postgres. */
export function testDatabaseEngine(): "sqlite" | "postgresql" {
  const wanted = process.env.AFTERCARE_TEST_DB ?? "sqlite";
  if (wanted === "sqlite") return "sqlite";
  if (wanted === "postgres" || wanted === "postgresql") return "postgresql";
  throw new Error(`AFTERCARE_TEST_DB must be sqlite or postgres, got ${wanted}`);
}

/**
 * Where the PostgreSQL test databases are made: a role allowed to CREATE DATABASE (scripts/setup.mjs
 * makes `aftercare` with password `aftercare` on 127.0.0.1). Override with AFTERCARE_TEST_PG_URL.
 */
export function postgresAdminUrl(): string {
  return process.env.AFTERCARE_TEST_PG_URL ?? "postgresql://aftercare:aftercare@127.0.0.1:5432/postgres";
}

/** Every migration's SQL, in order, as `prisma migrate deploy` would apply it. */
export function migrationSql(dir = path.join(root, "prisma/migrations")): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

/** Creates a fresh, migrated database for one test file and returns its DATABASE_URL. */
export async function createTestDatabase(name: string): Promise<string> {
  return testDatabaseEngine() === "postgresql" ? createPostgresDatabase(name) : createSqliteDatabase(name);
}

export const SQLITE_TEST_DIR = path.join(root, "tests/.tmp");

/** The migrated SQLite database every test file starts from (made once per run by the global setup). */
export function sqliteTemplatePath(runId: string): string {
  return path.join(SQLITE_TEST_DIR, `${runId}-template.sqlite`);
}

/** Migrates a fresh SQLite file at `file` (the template, or a database of its own when there is none). */
export async function migrateSqliteFile(file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  rmSync(file, { force: true });
  rmSync(`${file}-journal`, { force: true });
  const client = createClient({ url: `file:${file}` });
  for (const sql of migrationSql()) await client.executeMultiple(sql);
  client.close();
}

/** A copy of the run's migrated template, or, outside a run that made one, a freshly migrated file. */
async function createSqliteDatabase(name: string): Promise<string> {
  const file = path.join(SQLITE_TEST_DIR, `${name}.sqlite`);
  const template = process.env.AFTERCARE_TEST_RUN ? sqliteTemplatePath(process.env.AFTERCARE_TEST_RUN) : null;
  if (template && existsSync(template)) {
    rmSync(`${file}-journal`, { force: true });
    copyFileSync(template, file);
  } else {
    await migrateSqliteFile(file);
  }
  return `file:${file}`;
}

function postgresMissingHelp(url: URL): string {
  return (
    `PostgreSQL is needed for the PostgreSQL test run and none lets role ${url.username || "(none)"} in on ${url.host}. ` +
    "Install and start it with `sudo apt-get install -y postgresql && sudo node scripts/setup.mjs --postgres` " +
    "(or point AFTERCARE_TEST_PG_URL at a role that may CREATE DATABASE)."
  );
}

async function connect(url: URL): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url.href });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`${postgresMissingHelp(url)}\n(${error instanceof Error ? error.message : String(error)})`);
  }
  return client;
}

/** A database of its own for the test file (dropped and made again on each run), on the PostgreSQL migration. */
async function createPostgresDatabase(name: string): Promise<string> {
  const database = `aftercare_test_${name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
  const adminUrl = new URL(postgresAdminUrl());
  const admin = await connect(adminUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl.href);
  url.pathname = `/${database}`;
  const client = await connect(url);
  try {
    for (const sql of migrationSql(path.join(root, "prisma/postgresql/migrations"))) await client.query(sql);
  } finally {
    await client.end();
  }
  return url.href;
}
