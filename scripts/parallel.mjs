#!/usr/bin/env node
// Runs npm scripts side by side and fails if any fails (the machine has two cores; the type check and
// the build each use about one):  node scripts/parallel.mjs typecheck build
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) throw new Error("usage: node scripts/parallel.mjs <npm script> [<npm script> ...]");

const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise((resolve) => {
        const child = spawn("npm", ["run", "--silent", script], { stdio: "inherit" });
        child.on("exit", (code, signal) => resolve({ script, ok: code === 0, detail: signal ?? `exit ${code}` }));
      }),
  ),
);
const failed = results.filter((result) => !result.ok);
for (const result of failed) console.error(`npm run ${result.script} failed (${result.detail})`);
process.exit(failed.length ? 1 : 0);
