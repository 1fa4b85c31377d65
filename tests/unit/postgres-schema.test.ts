import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationSql } from "../support/test-database";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** The schema without comments, header, generator and datasource: just the models. */
function models(schema: string): string {
  return schema
    .replace(/\/\/.*$/gm, "")
    .replace(/generator client \{[^}]*\}/, "")
    .replace(/datasource db \{[^}]*\}/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Table -> column names, from a migration's CREATE TABLE statements (either dialect). */
function tables(sql: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [, table, body] of sql.matchAll(/CREATE TABLE "(\w+)" \(([\s\S]*?)\n\);/g)) {
    result[table!] = [...body!.matchAll(/^\s+"(\w+)" /gm)].map((match) => match[1]!).sort();
  }
  return result;
}

describe("the PostgreSQL schema (prisma/postgresql)", () => {
  const postgres = read("prisma/postgresql/schema.prisma");

  it("has exactly the models of prisma/schema.prisma, on the postgresql provider (run `npm run db:migration` when not)", () => {
    expect(models(postgres)).toBe(models(read("prisma/schema.prisma")));
    expect(postgres).toMatch(/datasource db \{[^}]*provider\s*=\s*"postgresql"/);
    expect(postgres).toMatch(/^\/\/ Derived from prisma\/schema\.prisma/);
  });

  it("has a migration creating the same tables and columns as the SQLite one", () => {
    const sqlite = tables(migrationSql().join("\n"));
    const pg = tables(migrationSql(path.join(root, "prisma/postgresql/migrations")).join("\n"));
    expect(Object.keys(sqlite).length).toBeGreaterThan(10);
    expect(pg).toEqual(sqlite);
  });
});
