#!/usr/bin/env node
// Prepares a fresh clone, offline: generates the Prisma clients (JS engine, no download) and, on request,
// the system pieces some tests need, installed with apt when we are root:
//   --browser    Debian's Chromium for the browser tests
//   --postgres   PostgreSQL on 127.0.0.1:5432 with a role `aftercare` (password `aftercare`) that may
//                create the per-test-file databases of the PostgreSQL test run
//   --faketime   Debian's libfaketime, for the suites run under shifted clocks (npm run test:clock)
//   --no-clients skip the Prisma clients (npm test generates them first, then sets up the machine
//                while the type check and the build run)
// When a piece cannot be had, setup says how to get it and goes on; the tests that need it then fail
// with the same advice (they never skip silently).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { generateClients } from "./lib/prisma-clients.mjs";

const run = (command, args, options = {}) => execFileSync(command, args, { stdio: "inherit", ...options });
const succeeds = (command, args) => spawnSync(command, args, { stdio: "ignore" }).status === 0;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const canApt = isRoot && succeeds("which", ["apt-get"]);
let aptUpdated = false;

function aptInstall(packages) {
  if (packages.length === 0) return;
  if (!aptUpdated) run("apt-get", ["update", "-qq"]);
  aptUpdated = true;
  run("apt-get", ["install", "-y", "-qq", ...packages], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

if (!process.argv.includes("--no-clients")) generateClients();

// What is missing is installed in one apt-get run: Chromium for the browser tests, PostgreSQL for the
// PostgreSQL test run, libfaketime for the shifted-clock runs.
const missing = [];
if (process.argv.includes("--browser")) {
  const browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", process.env.CHROMIUM_PATH].filter(Boolean);
  if (!browsers.some((path) => existsSync(path))) missing.push({ pkg: "chromium", why: "Chromium is missing: installing Debian's chromium package for the browser tests" });
}
if (process.argv.includes("--postgres") && clusters().length === 0 && !succeeds("which", ["pg_ctlcluster"])) {
  missing.push({ pkg: "postgresql", why: "PostgreSQL is missing: installing Debian's postgresql package for the PostgreSQL test run" });
}
if (process.argv.includes("--faketime")) {
  const { LIBFAKETIME } = await import("./test-clock.mjs");
  if (!LIBFAKETIME.some((path) => existsSync(path))) missing.push({ pkg: "faketime", why: "libfaketime is missing: installing Debian's faketime package for the shifted-clock test runs" });
}
if (missing.length > 0) {
  if (canApt) {
    for (const { why } of missing) console.log(`${why}...`);
    aptInstall(missing.map(({ pkg }) => pkg));
  } else {
    console.warn(`Missing and cannot be installed from here: ${missing.map(({ pkg }) => pkg).join(", ")}. Run \`sudo apt-get install -y ${missing.map(({ pkg }) => pkg).join(" ")}\`.`);
  }
}

if (process.argv.includes("--postgres")) setUpPostgres();

function clusters() {
  if (!succeeds("which", ["pg_lsclusters"])) return [];
  return execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [version, name, port, status] = line.trim().split(/\s+/);
      return { version, name, port: Number(port), online: status === "online" };
    });
}

function setUpPostgres() {
  const advice = "run `sudo apt-get install -y postgresql && sudo node scripts/setup.mjs --postgres`";
  if (clusters().length === 0 && !succeeds("which", ["pg_ctlcluster"])) {
    console.warn(`PostgreSQL is missing: ${advice}.`);
    return;
  }
  if (!isRoot) {
    console.warn(`Not root: PostgreSQL is left as it is. If the PostgreSQL tests cannot connect, ${advice}.`);
    return;
  }
  let [cluster] = clusters().filter((candidate) => candidate.port === 5432);
  if (!cluster) {
    const [version] = execFileSync("ls", ["/usr/lib/postgresql"], { encoding: "utf8" }).split("\n").filter(Boolean).sort((a, b) => b - a);
    run("pg_createcluster", [version, "main", "--port", "5432"]);
    [cluster] = clusters().filter((candidate) => candidate.port === 5432);
  }
  if (!cluster.online) {
    run("pg_ctlcluster", [cluster.version, cluster.name, "start", "--", "-o", "-c listen_addresses=127.0.0.1"]);
  }
  // The test role: may log in with a password over 127.0.0.1 and create (and drop) its own databases.
  run("runuser", [
    "-u", "postgres", "--", "psql", "--quiet", "-v", "ON_ERROR_STOP=1", "-p", String(cluster.port), "-c",
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aftercare') THEN CREATE ROLE aftercare; END IF;
       ALTER ROLE aftercare WITH LOGIN CREATEDB PASSWORD 'aftercare';
     END $$;`,
  ]);
  console.log(`PostgreSQL ${cluster.version} is up on 127.0.0.1:${cluster.port} (role aftercare).`);
}
