#!/usr/bin/env node
// Runs the unit, integration and extension suites under shifted wall clocks (libfaketime) and machine
// time zones on both sides of UTC, to prove no test depends on the real date, hour or zone.
//   npm run test:clock                 every instant below
//   npm run test:clock -- year-end     only the named ones
//   node scripts/test-clock.mjs year-end -- npx vitest run ...   any command at the named instants
// Timers keep real time (FAKETIME_DONT_FAKE_MONOTONIC=1); only the wall clock moves.
// Needs Debian's `faketime` (scripts/setup.mjs --faketime installs it).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const INSTANTS = [
  { name: "late-evening-utc", at: "2026-12-03T22:30:00Z", tz: "America/Los_Angeles", why: "in the shop's zone (Jakarta) it is already tomorrow" },
  { name: "year-end", at: "2026-12-31T23:50:00Z", tz: "Pacific/Kiritimati", why: "the machine (UTC+14) is already in 2027" },
  { name: "dst-new-york", at: "2027-03-14T06:50:00Z", tz: "America/New_York", why: "ten minutes before New York springs forward" },
  { name: "in-2029", at: "2029-06-15T16:30:00Z", tz: "Asia/Kolkata", why: "years past every fixture, in a half-hour zone" },
];

export const LIBFAKETIME = ["/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/faketime/libfaketime.so.1"];

/** Environment that starts a process (and its children) at `at`, its clock running on from there. */
export function shiftedEnv(at, tz, base = process.env) {
  const lib = LIBFAKETIME.find((candidate) => existsSync(candidate));
  if (!lib) throw new Error("libfaketime is missing: install it with `apt-get install -y faketime` (or `node scripts/setup.mjs --faketime`).");
  const offsetSeconds = Math.round((Date.parse(at) - Date.now()) / 1000);
  const sign = offsetSeconds >= 0 ? "+" : "-";
  return {
    ...base,
    TZ: tz,
    LD_PRELOAD: [base.LD_PRELOAD, lib].filter(Boolean).join(" "),
    // A relative offset: the zone never changes what the instant means.
    FAKETIME: `${sign}${Math.abs(offsetSeconds)}`,
    FAKETIME_DONT_FAKE_MONOTONIC: "1",
  };
}

function main() {
  const args = process.argv.slice(2);
  const split = args.indexOf("--");
  const command = split >= 0 ? args.slice(split + 1) : ["npx", "vitest", "run", "tests/unit", "tests/integration", "tests/extension"];
  const wanted = (split >= 0 ? args.slice(0, split) : args).filter((arg) => !arg.startsWith("-"));
  const chosen = wanted.length ? INSTANTS.filter((instant) => wanted.includes(instant.name)) : INSTANTS;
  if (chosen.length === 0) throw new Error(`No instant named ${wanted.join(", ")}; known: ${INSTANTS.map((i) => i.name).join(", ")}`);
  const results = [];
  for (const instant of chosen) {
    console.log(`\n=== ${instant.name}: ${instant.at} with TZ=${instant.tz} (${instant.why})`);
    const started = Date.now();
    const run = spawnSync(command[0], command.slice(1), {
      stdio: "inherit",
      env: shiftedEnv(instant.at, instant.tz),
    });
    results.push({ ...instant, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
  }
  console.log(`\nShifted clocks (${command.join(" ")}):`);
  for (const result of results) console.log(`  ${result.ok ? "passed" : "FAILED"}  ${result.name.padEnd(18)} ${result.at}  TZ=${result.tz}  (${result.seconds} s)`);
  process.exit(results.every((result) => result.ok) ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
