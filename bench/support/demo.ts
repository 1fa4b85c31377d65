/**
 * Starts the seeded demo (built app + fake Shopify) on free loopback ports over a fresh SQLite database,
 * for benchmarks that measure the app as a shop and its shoppers meet it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import type { RunningDemo } from "../../scripts/demo/server";

export const root = path.resolve(import.meta.dirname, "../..");

export async function freshSqliteDatabase(name: string): Promise<string> {
  const dir = path.join(root, "bench/.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.sqlite`);
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const url = `file:${file}`;
  const client = createClient({ url });
  const migrations = path.join(root, "prisma/migrations");
  for (const entry of readdirSync(migrations, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    await client.executeMultiple(readFileSync(path.join(migrations, entry, "migration.sql"), "utf8"));
  }
  client.close();
  return url;
}

/** The built app is what runs in production: build it once when build/ is missing. */
export function ensureBuild(): void {
  if (existsSync(path.join(root, "build/server/index.js"))) return;
  console.log("build/ is missing: running remix vite:build first");
  execFileSync("npx", ["remix", "vite:build"], { cwd: root, stdio: "inherit" });
}

export async function startBenchDemo(name: string): Promise<RunningDemo> {
  ensureBuild();
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? (await freshSqliteDatabase(name));
  process.env.SHOPIFY_API_KEY ??= "bench-key";
  process.env.SHOPIFY_API_SECRET ??= "bench-secret";
  process.env.SHOPIFY_APP_URL ??= "http://localhost";
  process.env.SCOPES ??= "read_orders,write_products";
  const { startDemo } = await import("../../scripts/demo/server");
  return startDemo({ appPort: 0, shopifyPort: 0 });
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
