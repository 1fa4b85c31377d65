import { createRequire } from "node:module";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseEngineOf, type DatabaseEngine } from "./db-engine";
import { OneConnectionLibSQL } from "./db-sqlite.server";

// One Prisma client per process (kept on globalThis so dev reloads reuse it), keyed by the database URL.
// DATABASE_URL picks the engine: `file:` is SQLite, `postgres://` or `postgresql://` is PostgreSQL.
declare global {
  // eslint-disable-next-line no-var
  var aftercarePrisma: { url: string; client: PrismaClient } | undefined;
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is missing: e.g. file:./prisma/dev.sqlite or postgresql://user:pass@host:5432/aftercare");
  return url;
}

/**
 * The PostgreSQL client is generated from prisma/postgresql/schema.prisma (same models, so the same
 * types) into node_modules/.prisma/client-postgresql, sharing `@prisma/client`'s runtime. It is loaded
 * with require at run time so the build keeps it external, like `@prisma/client` itself.
 */
function loadPostgresClient(): typeof PrismaClient {
  const require = createRequire(import.meta.url);
  try {
    return (require(".prisma/client-postgresql") as { PrismaClient: typeof PrismaClient }).PrismaClient;
  } catch (error) {
    throw new Error("The PostgreSQL Prisma client is missing: run `npm run setup` (or `npm run db:migration`).", { cause: error });
  }
}

function createClient(url: string, engine: DatabaseEngine): PrismaClient {
  if (engine === "postgresql") {
    const PostgresClient = loadPostgresClient();
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
  }
  return new PrismaClient({ adapter: new OneConnectionLibSQL({ url }) });
}

export function getPrisma(): PrismaClient {
  const url = databaseUrl();
  if (globalThis.aftercarePrisma?.url !== url) {
    globalThis.aftercarePrisma = { url, client: createClient(url, databaseEngineOf(url)) };
  }
  return globalThis.aftercarePrisma.client;
}

/** The engine behind DATABASE_URL: the few queries that differ (row locks) branch on it. */
export function databaseEngine(): DatabaseEngine {
  return databaseEngineOf(databaseUrl());
}

const prisma = getPrisma();
export default prisma;
