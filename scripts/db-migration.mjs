#!/usr/bin/env node
// Until the first release, the schema has one migration per engine: this regenerates both from
// prisma/schema.prisma (no database needed) and regenerates both clients. After the first release, use
// `prisma migrate dev` for SQLite and add the matching PostgreSQL migration with `prisma migrate diff`.
//
// prisma/schema.prisma (SQLite) is the one place models are written. prisma/postgresql/schema.prisma is
// derived from it here: the same models, the postgresql provider, and a client output of its own.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { generateClients, POSTGRES_SCHEMA, runPrisma, SQLITE_SCHEMA } from "./lib/prisma-clients.mjs";

const MIGRATION = "20261123000000_init";

/** The PostgreSQL twin of the SQLite schema: only the header, generator output and provider differ. */
function postgresSchemaOf(sqliteSchema) {
  const header = [
    "// Derived from prisma/schema.prisma by `npm run db:migration`: do not edit, change that file instead.",
    "// The same models on PostgreSQL; the client lands next to the SQLite one (app/db.server.ts picks by DATABASE_URL).",
  ].join("\n");
  const withoutHeader = sqliteSchema.replace(/^(\/\/.*\n)+/, "");
  const generator = /generator client \{[^}]*\}/;
  const datasource = /datasource db \{[^}]*provider\s*=\s*"sqlite"[^}]*\}/;
  if (!generator.test(withoutHeader) || !datasource.test(withoutHeader)) {
    throw new Error(`${SQLITE_SCHEMA}: expected one \`generator client\` and a sqlite \`datasource db\` block`);
  }
  return `${header}\n${withoutHeader
    .replace(
      generator,
      [
        "generator client {",
        '  provider   = "prisma-client-js"',
        '  engineType = "client"',
        '  output     = "../../node_modules/.prisma/client-postgresql"',
        "}",
      ].join("\n"),
    )
    .replace(datasource, ['datasource db {', '  provider = "postgresql"', '  url      = env("DATABASE_URL")', "}"].join("\n"))}`;
}

function writeMigration(schema, folder) {
  // From empty to a schema reads no database, so a SQLite file serves for both engines.
  const sql = runPrisma("file:./prisma/dev.sqlite", ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"]);
  mkdirSync(`${folder}/${MIGRATION}`, { recursive: true });
  writeFileSync(`${folder}/${MIGRATION}/migration.sql`, sql);
  console.log(`${folder}/${MIGRATION}/migration.sql regenerated`);
}

mkdirSync("prisma/postgresql/migrations", { recursive: true });
writeFileSync(POSTGRES_SCHEMA, postgresSchemaOf(readFileSync(SQLITE_SCHEMA, "utf8")));
writeFileSync("prisma/postgresql/migrations/migration_lock.toml", 'provider = "postgresql"\n');

writeMigration(SQLITE_SCHEMA, "prisma/migrations");
writeMigration(POSTGRES_SCHEMA, "prisma/postgresql/migrations");
generateClients();
