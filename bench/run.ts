/**
 * `npm run bench`: runs every bench/*.bench.ts in turn, each in its own process (each sets up its own
 * database before the app is imported), and prints their figures.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((name) => name.endsWith(".bench.ts")).sort();
const only = process.argv[2];

// The dashboard loader and the app proxy run once per database engine, one after the other in this run.
const runs = (file: string): Array<Record<string, string>> =>
  file === "dashboard.bench.ts" || file === "proxy.bench.ts" ? [{ BENCH_ENGINE: "sqlite" }, { BENCH_ENGINE: "postgresql" }] : [{}];

const failed: string[] = [];
for (const file of files) {
  if (only && !file.includes(only)) continue;
  for (const extra of runs(file)) {
    console.log(`\n== ${[file, ...Object.values(extra)].join(" ")} ==`);
    try {
      execFileSync(process.execPath, ["--import", "tsx", path.join(dir, file)], { stdio: "inherit", env: { ...process.env, ...extra } });
    } catch {
      failed.push([file, ...Object.values(extra)].join(" "));
    }
  }
}
if (failed.length) {
  console.error(`\nFailed: ${failed.join(", ")} (see above; PostgreSQL runs need \`npm run setup\`).`);
  process.exitCode = 1;
}
