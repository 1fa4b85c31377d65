/**
 * Reading every table the way a database dump would, on SQLite and PostgreSQL alike, for tests that check
 * what was (or was not) stored anywhere. Table and column names come from the schema, never from input.
 */
import { Prisma } from "@prisma/client";
import prisma, { databaseEngine } from "../../app/db.server";

const identifier = (name: string) => Prisma.raw(`"${name.replaceAll('"', '""')}"`);

/** The app's tables (Prisma's own bookkeeping tables left out). */
export async function appTableNames(): Promise<string[]> {
  // ::text because the PostgreSQL adapter cannot read the catalogue's `name` type.
  const rows =
    databaseEngine() === "postgresql"
      ? await prisma.$queryRaw<Array<{ name: string }>>`
          SELECT table_name::text AS "name" FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_%' ESCAPE '\\'`
      : await prisma.$queryRaw<Array<{ name: string }>>`
          SELECT name FROM sqlite_master
          WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%'`;
  return rows.map((row) => row.name).sort();
}

/** Every row of a table, or only those whose `column` equals `value`. */
export function tableRows(table: string, where?: { column: string; value: string }): Promise<unknown[]> {
  return where
    ? prisma.$queryRaw<unknown[]>`SELECT * FROM ${identifier(table)} WHERE ${identifier(where.column)} = ${where.value}`
    : prisma.$queryRaw<unknown[]>`SELECT * FROM ${identifier(table)}`;
}

/** How many rows of a table have `column` equal to `value`. */
export async function countTableRows(table: string, column: string, value: string): Promise<number> {
  const rows = await prisma.$queryRaw<Array<{ n: number | bigint }>>`
    SELECT COUNT(*) AS "n" FROM ${identifier(table)} WHERE ${identifier(column)} = ${value}`;
  return Number(rows[0]?.n ?? 0);
}

/** Empties a table. */
export function clearTable(table: string): Promise<number> {
  return prisma.$executeRaw`DELETE FROM ${identifier(table)}`;
}

/** Rows as text (bigints as strings): what a dump would reveal, for `toContain` checks. */
export function asDumpText(rows: unknown): string {
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}
