/**
 * Pieces of the two-instance load test: app processes served from the production build, a bounded
 * concurrent request runner, and the webhook deliveries Shopify would send for a batch of orders.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { TEST_API_KEY, TEST_API_SECRET, TEST_APP_URL } from "../support/test-env";
import { setTimeout as sleep } from "node:timers/promises";

export const root = path.resolve(import.meta.dirname, "../..");
/** The production build `npm test` makes before vitest; AFTERCARE_LOAD_BUILD points elsewhere. */
export const serverBuild = path.resolve(root, process.env.AFTERCARE_LOAD_BUILD ?? "build/server/index.js");

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const ANSWERED_REQUEST = /^(GET|POST|PUT|PATCH|DELETE|HEAD) \S+ [1-4]\d\d /;

export interface AppInstance {
  name: string;
  origin: string;
  /** The server process, for its CPU time. */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** `remix-serve ./build/server/index.js` on a loopback port, ready once /healthz answers 200. */
export async function startAppInstance(name: string, env: NodeJS.ProcessEnv): Promise<AppInstance> {
  if (!existsSync(serverBuild)) throw new Error(`${serverBuild} is missing: run \`npm run build\` first (npm test does).`);
  const port = await freePort();
  // BENCH_CPU_PROF=<dir>: each instance writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, path.join(root, "node_modules/@remix-run/serve/dist/cli.js"), serverBuild], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Everything the process prints but the access lines of answered requests (those below 500).
  let output = "";
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (line.trim() && !ANSWERED_REQUEST.test(line)) output = `${output}${line}\n`.slice(-20_000);
    }
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${origin}/healthz`).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${name} did not answer /healthz within 30 s:\n${output}`);
    await sleep(200);
  }
  return {
    name,
    origin,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Runs `tasks` with at most `concurrency` in flight; results keep the tasks' order. */
export async function runConcurrently<T>(tasks: Array<() => Promise<T>>, concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}

/** A small seeded generator, so a failing run can be replayed exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export interface Delivery {
  webhookId: string;
  topic: "orders/create" | "orders/updated" | "fulfillments/create";
  payload: Record<string, unknown>;
}

const HOUR_MS = 3_600_000;

/**
 * What Shopify sends for one order: orders/create, then fulfillments/create, then an orders/updated
 * an hour later that corrects the destination (US -> CA). Whatever the arrival order, the stored
 * order must end as the newest copy.
 */
export function orderDeliveries(index: number, placedAt: Date): Delivery[] {
  const orderId = 7_000_000_000 + index;
  const lineId = 8_000_000_000 + index;
  const created = placedAt.toISOString();
  const fulfilled = new Date(placedAt.getTime() + HOUR_MS / 2).toISOString();
  const updated = new Date(placedAt.getTime() + HOUR_MS).toISOString();
  const order = (updatedAt: string, countryCode: string) => ({
    id: orderId,
    admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
    name: `#L${index}`,
    created_at: created,
    updated_at: updatedAt,
    cancelled_at: null,
    fulfillment_status: null,
    email: `shopper-${index}@example.test`,
    customer: { id: 9_000_000_000 + index },
    shipping_address: { country_code: countryCode, province_code: null },
    line_items: [{ id: lineId, title: "Linen apron", sku: "APRON-1", quantity: 1, product_id: 632910392 }],
    fulfillments: [],
  });
  return [
    { webhookId: `load-create-${index}`, topic: "orders/create", payload: order(created, "US") },
    {
      webhookId: `load-fulfil-${index}`,
      topic: "fulfillments/create",
      payload: {
        id: 6_000_000_000 + index,
        admin_graphql_api_id: `gid://shopify/Fulfillment/${6_000_000_000 + index}`,
        order_id: orderId,
        status: "success",
        shipment_status: "confirmed",
        created_at: fulfilled,
        updated_at: fulfilled,
        tracking_company: "DHL Express",
        tracking_number: `TRACK${index}`,
        tracking_url: null,
      },
    },
    { webhookId: `load-update-${index}`, topic: "orders/updated", payload: order(updated, "CA") },
  ];
}

/** Prints a throughput line (indicative only: `npm run bench` is where speed is measured). */
export function report(label: string, count: number, ms: number): void {
  console.info(`[load] ${label}: ${count} in ${(ms / 1000).toFixed(2)} s = ${Math.round((count * 1000) / ms)}/s`);
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** The environment an app instance (or an outbox worker) of the load tests runs with, mail to `smtpUrl`. */
export function loadTestEnv(smtpUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    SHOPIFY_APP_URL: TEST_APP_URL,
    SCOPES: "read_orders",
    SMTP_URL: smtpUrl,
    MAIL_FROM: "care@load.test",
  };
}
