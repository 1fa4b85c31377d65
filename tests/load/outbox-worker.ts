/**
 * One app instance's share of the keep-in-touch work in the two-instance load test, as its own process:
 * enqueue the same batch of emails every instance's job would find due (the dedupe keys make that
 * idempotent), say "ready" and wait for "go" on stdin (so both instances send at the same moment), then
 * send the outbox until nothing is left to claim. Prints a JSON report on stdout.
 *
 *   DATABASE_URL=postgresql://... SMTP_URL=smtp://127.0.0.1:2525 MAIL_FROM=... \
 *     tsx tests/load/outbox-worker.ts <shop> <messages>
 */
import { enqueueEmail, sendDueEmails } from "../../app/models/email/outbox.server";

const [shop, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!shop || !Number.isInteger(count) || count < 1) throw new Error("usage: outbox-worker.ts <shop> <messages>");

/** The same message every instance derives for item `index` (as a job derives it from an order). */
function loadTestEmail(index: number) {
  return {
    shop,
    dedupeKey: `load:${index}`,
    kind: "load_test",
    reference: `order-${index}`,
    to: `buyer-${index}@example.test`,
    email: { subject: `Your order ${index}`, text: `Order ${index} is on its way.`, html: `<p>Order ${index} is on its way.</p>` },
  };
}

let enqueued = 0;
for (let index = 0; index < count; index += 1) {
  if ((await enqueueEmail(loadTestEmail(index))).created) enqueued += 1;
}

process.stdout.write("ready\n");
await new Promise((resolve) => process.stdin.once("data", resolve));

const started = performance.now();
const totals = { claimed: 0, sent: 0, retrying: 0, failed: 0, lostClaims: 0, runs: 0 };
for (;;) {
  const report = await sendDueEmails({ limit: 25 });
  if (report.claimed === 0) break;
  totals.runs += 1;
  for (const key of ["claimed", "sent", "retrying", "failed", "lostClaims"] as const) totals[key] += report[key];
}
process.stdout.write(`${JSON.stringify({ enqueued, ...totals, sendMs: Math.round(performance.now() - started) })}\n`);
process.exit(0);
