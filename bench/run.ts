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

for (const file of files) {
  if (only && !file.includes(only)) continue;
  console.log(`\n== ${file} ==`);
  execFileSync(process.execPath, ["--import", "tsx", path.join(dir, file)], { stdio: "inherit", env: process.env });
}
