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
  if (process.env.BENCH_WAL) await client.execute("PRAGMA journal_mode = WAL");
  client.close();
  return url;
}

/**
 * The built app is what runs in production: build it once when the build folder is missing (build/, or
 * AFTERCARE_BUILD_DIR as vite.config.ts and the demo read it).
 */
export function ensureBuild(): void {
  const dir = process.env.AFTERCARE_BUILD_DIR || "build";
  if (existsSync(path.join(root, dir, "server/index.js"))) return;
  console.log(`${dir}/ is missing: running remix vite:build first`);
  execFileSync("npx", ["remix", "vite:build"], { cwd: root, stdio: "inherit" });
}

/** The app's environment for a bench run (the same secret signs the bench's proxy requests). */
export function setBenchEnvironment(): void {
  process.env.SHOPIFY_API_KEY ??= "bench-key";
  process.env.SHOPIFY_API_SECRET ??= "bench-secret";
  process.env.SHOPIFY_APP_URL ??= "http://localhost";
  process.env.SCOPES ??= "read_orders,write_products";
}

export async function startBenchDemo(name: string): Promise<RunningDemo> {
  ensureBuild();
  setBenchEnvironment();
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? (await freshSqliteDatabase(name));
  const { startDemo } = await import("../../scripts/demo/server");
  return startDemo({ appPort: 0, shopifyPort: 0 });
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export interface DemoProcessInfo {
  appUrl: string;
  shopifyUrl: string;
  storefrontUrl: string;
  shopDomain: string;
  /** The order-status answer's constant-time floor (MIN_ANSWER_MS), as the app process has it. */
  orderStatusFloorMs: number;
  orders: Array<{ name: string; email: string }>;
  products: Array<{ id: string; handle: string }>;
}

/** Starts bench/support/demo-process.ts in a child process and waits for its addresses. */
/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
export function processCpuMs(pid: number, options: { reapedChildren?: boolean } = {}): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime are fields 14 and 15 of the line, cutime and cstime (children waited for) 16 and 17,
  // in clock ticks (100 per second on Linux).
  const ticks = Number(fields[11]) + Number(fields[12]) + (options.reapedChildren ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / 100;
}

/**
 * CPU time of the PostgreSQL server on this machine (the bench's database runs alone there): every live
 * postgres process, plus what the ones that ended (backends of closed connections) left on the
 * postmaster that reaped them.
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim().startsWith("postgres")) total += processCpuMs(Number(entry), { reapedChildren: true });
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

export async function startDemoProcess(name: string): Promise<DemoProcessInfo & { pid: number; stop(): Promise<void> }> {
  ensureBuild();
  setBenchEnvironment();
  const { spawn } = await import("node:child_process");
  // BENCH_CPU_PROF=<dir>: the app process writes a V8 CPU profile there when it stops (open it in DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", path.join(root, "bench/support/demo-process.ts"), name], {
    cwd: root,
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const info = await new Promise<DemoProcessInfo>((resolve, reject) => {
    let buffered = "";
    child.once("exit", (code) => reject(new Error(`the demo process exited early (code ${code})`)));
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.startsWith("BENCH_DEMO ")) resolve(JSON.parse(line.slice("BENCH_DEMO ".length)) as DemoProcessInfo);
      }
      // Keep draining the app's request logs so the child never blocks on a full pipe.
      if (buffered.length > 1_000_000) buffered = "";
    });
  });
  child.removeAllListeners("exit");
  process.once("exit", () => child.kill("SIGTERM"));
  return {
    ...info,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
