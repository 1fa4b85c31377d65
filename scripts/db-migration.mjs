#!/usr/bin/env node
// Until the first release, the schema has one migration: this regenerates it from prisma/schema.prisma
// (no database needed) and regenerates the client. After the first release, use `prisma migrate dev`.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
writeFileSync("prisma/migrations/20261123000000_init/migration.sql", sql);
execFileSync("npx", ["prisma", "generate"], { env, stdio: "inherit" });
console.log("prisma/migrations/20261123000000_init/migration.sql regenerated");
