// Generates the two Prisma clients, offline (JS engine): the SQLite one in Prisma's default place
// (node_modules/.prisma/client, behind `@prisma/client`) and the PostgreSQL one next to it
// (node_modules/.prisma/client-postgresql). app/db.server.ts loads the one DATABASE_URL asks for.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgresql/schema.prisma";
export const POSTGRES_CLIENT_DIR = "node_modules/.prisma/client-postgresql";

// prisma.config.ts picks the driver adapter by DATABASE_URL; `generate` never connects to it.
const URL_FOR = { [SQLITE_SCHEMA]: "file:./prisma/dev.sqlite", [POSTGRES_SCHEMA]: "postgresql://localhost:5432/aftercare" };

export function runPrisma(databaseUrl, args, options = {}) {
  return execFileSync("npx", ["prisma", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    ...options,
  });
}

/**
 * A client generated outside `@prisma/client` gets its own copy of Prisma's runtime, and with it its own
 * error and SQL-fragment classes: `instanceof Prisma.PrismaClientKnownRequestError` and nested
 * `Prisma.sql` would then fail on PostgreSQL. Pointing it at the one shared runtime keeps them the same.
 */
function shareRuntime(clientDir) {
  const entry = readFileSync(path.join(clientDir, "index.js"), "utf8");
  if (!entry.includes("'./runtime/client.js'")) {
    throw new Error(`${clientDir}/index.js does not load ./runtime/client.js: did Prisma change its layout?`);
  }
  for (const file of readdirSync(clientDir).filter((name) => /\.(js|d\.ts)$/.test(name))) {
    const target = path.join(clientDir, file);
    const source = readFileSync(target, "utf8");
    const shared = source.replaceAll("'./runtime/", "'@prisma/client/runtime/");
    if (shared !== source) writeFileSync(target, shared);
  }
  rmSync(path.join(clientDir, "runtime"), { recursive: true, force: true });
}

export function generateClients() {
  runPrisma(URL_FOR[SQLITE_SCHEMA], ["generate", "--schema", SQLITE_SCHEMA], { stdio: "inherit" });
  runPrisma(URL_FOR[POSTGRES_SCHEMA], ["generate", "--schema", POSTGRES_SCHEMA], { stdio: "inherit" });
  shareRuntime(POSTGRES_CLIENT_DIR);
}
