#!/usr/bin/env node
// Prepares a fresh clone, offline: generates the Prisma client (JS engine, no download) and makes sure a
// Chromium is present for the browser tests (Debian's package, installed with apt when we are root).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const run = (command, args, options = {}) => execFileSync(command, args, { stdio: "inherit", ...options });

run("npx", ["prisma", "generate"], {
  env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});

const browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", process.env.CHROMIUM_PATH].filter(Boolean);
if (!browsers.some((path) => existsSync(path)) && process.argv.includes("--browser")) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && spawnSync("which", ["apt-get"]).status === 0) {
    console.log("Chromium is missing: installing Debian's chromium package for the browser tests...");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } else {
    console.warn("Chromium is missing and cannot be installed from here: run `sudo apt-get install -y chromium`.");
  }
}
