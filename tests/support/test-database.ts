import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";

const root = path.resolve(import.meta.dirname, "../..");

/** Every migration's SQL, in order, as `prisma migrate deploy` would apply it. */
export function migrationSql(dir = path.join(root, "prisma/migrations")): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

/** Creates a fresh SQLite file with every migration applied and returns its `file:` URL. */
export async function createTestDatabase(name: string): Promise<string> {
  const dir = path.join(root, "tests/.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.sqlite`);
  rmSync(file, { force: true });
  rmSync(`${file}-journal`, { force: true });
  const url = `file:${file}`;
  const client = createClient({ url });
  for (const sql of migrationSql()) await client.executeMultiple(sql);
  client.close();
  return url;
}
