/**
 * The outbox sender on two app instances at once (two processes on one PostgreSQL database) against a
 * real SMTP server: both enqueue the same 500 due emails (the dedupe keys make that idempotent), then
 * send together, each claim raced by the other. Expected: every email sent exactly once, both instances
 * did part of the work. Sized to prove the race; its printed rate is indicative only.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { stableMessageKey } from "../../app/models/email/outbox.server";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { testDatabaseEngine } from "../support/test-database";
import { loadTestEnv, report, root, timed } from "./load-harness";

const SHOP = "load-senders.myshopify.com";
const EMAILS = 500;

/** tests/load/outbox-worker.ts as its own process: `ready` once it has enqueued, `go` to start sending. */
function startOutboxWorker(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/load/outbox-worker.ts", SHOP, String(EMAILS)], {
    cwd: root,
    env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let stdout = "";
  let sawReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (sawReady = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
    if (stdout.includes("ready\n")) sawReady();
  });
  const done = new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`outbox worker exited with ${code}: ${stdout}`))));
  });
  return { ready, done, go: () => child.stdin.end("go\n") };
}

describe.runIf(testDatabaseEngine() === "postgresql")("two outbox senders on one PostgreSQL (load)", () => {
  let smtp: TestSmtpServer;
  const env = () => loadTestEnv(smtp.url);

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });

  afterAll(async () => {
    await smtp?.close();
  });

  it("sends every email exactly once when both instances run the sender at the same time", async () => {
    // Both senders enqueue, then start sending together: each claim is raced by the other instance.
    const workers = [startOutboxWorker(env()), startOutboxWorker(env())];
    const { result, ms } = await timed(async () => {
      await Promise.all(workers.map((worker) => worker.ready));
      for (const worker of workers) worker.go();
      return Promise.all(workers.map((worker) => worker.done));
    });
    const reports = result.map((stdout) => JSON.parse(stdout.trim().split("\n").at(-1)!) as { enqueued: number; claimed: number; sent: number; sendMs: number });
    report("emails sent (2 senders, enqueue included)", EMAILS, ms);
    console.info(`[load] senders: ${reports.map((r) => JSON.stringify(r)).join(", ")}`);

    expect(reports.reduce((sum, r) => sum + r.enqueued, 0)).toBe(EMAILS);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(EMAILS);
    expect(reports.map((r) => r.claimed > 0), "both instances claimed messages").toEqual([true, true]);
    await smtp.waitForMessages(EMAILS);
    const perKey = new Map<string, number>();
    for (const mail of smtp.messages) perKey.set(mail.messageId ?? "", (perKey.get(mail.messageId ?? "") ?? 0) + 1);
    expect(smtp.messages).toHaveLength(EMAILS);
    expect([...perKey.values()].filter((count) => count > 1)).toEqual([]);
    for (const index of [0, EMAILS / 2, EMAILS - 1]) {
      expect([...perKey.keys()].some((id) => id.includes(stableMessageKey(SHOP, `load:${index}`)))).toBe(true);
    }
    expect(await prisma.outboxMessage.groupBy({ by: ["status"], where: { shop: SHOP }, _count: true })).toEqual([
      { status: "sent", _count: EMAILS },
    ]);
  }, 240_000);
});
