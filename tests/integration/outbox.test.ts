import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { renderEmail } from "../../app/email/render";
import { closeMailTransports, EmailNotConfiguredError } from "../../app/email/transport.server";
import { enqueueEmail, retryFailedEmails, sendDueEmails } from "../../app/models/email/outbox.server";
import { MAX_SEND_ATTEMPTS, retryDelayMs, SEND_LEASE_MS } from "../../app/models/email/outbox-policy";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

const shop = "outbox-test.myshopify.com";
const t0 = new Date("2026-05-01T09:00:00Z");
const email = renderEmail({ template: { subject: "Order {order_name}", body: "Hello {first_name}" }, values: { order_name: "#1001", first_name: "Ana" } });
const message = (dedupeKey: string, to = "ana@example.test") => ({ shop, dedupeKey, kind: "test", reference: "order-1", to, email });

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
});

afterAll(async () => {
  closeMailTransports();
  await smtp.close();
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

beforeEach(async () => {
  smtp.clear();
  await prisma.outboxMessage.deleteMany();
  await prisma.emailSettings.deleteMany();
});

describe("email outbox", () => {
  it("delivers an enqueued message to the SMTP server, with both parts", async () => {
    await enqueueEmail(message("greeting:1"), t0);
    const report = await sendDueEmails({ now: t0 });
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail.to).toEqual(["ana@example.test"]);
    expect(mail.from).toBe("care@kopi.test");
    expect(mail.subject).toBe("Order #1001");
    expect(mail.text).toContain("Hello Ana");
    expect(mail.html).toContain("<p");
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@kopi\.test>$/);
  });

  it("treats a second enqueue with the same dedupe key as a no-op", async () => {
    const first = await enqueueEmail(message("delay:order-1:2026-05-03"), t0);
    const second = await enqueueEmail({ ...message("delay:order-1:2026-05-03"), to: "someone-else@example.test" }, t0);
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    await sendDueEmails({ now: t0 });
    await sendDueEmails({ now: new Date(t0.getTime() + 86_400_000) });
    expect(smtp.messages.map((mail) => mail.to)).toEqual([["ana@example.test"]]);
  });

  it("sends each message once when several workers race over the same rows", async () => {
    for (let i = 0; i < 12; i += 1) await enqueueEmail(message(`race:${i}`, `shopper${i}@example.test`), t0);
    const reports = await Promise.all(Array.from({ length: 4 }, () => sendDueEmails({ now: t0 })));
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(12);
    await smtp.waitForMessages(12);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const recipients = smtp.messages.flatMap((mail) => mail.to).sort();
    expect(recipients).toHaveLength(12);
    expect(new Set(recipients).size).toBe(12);
  });

  it("retries a temporary SMTP failure after the backoff, and only then", async () => {
    await enqueueEmail(message("retry:1"), t0);
    smtp.failNext(1, 451);
    expect(await sendDueEmails({ now: t0 })).toMatchObject({ retrying: 1, sent: 0 });
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { dedupeKey: "retry:1" } });
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/451|Try again/);

    expect(await sendDueEmails({ now: new Date(t0.getTime() + retryDelayMs(1) - 1) })).toMatchObject({ claimed: 0 });
    expect(await sendDueEmails({ now: new Date(t0.getTime() + retryDelayMs(1)) })).toMatchObject({ sent: 1 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("sets a message aside as failed after the last attempt, keeps it, and retries it on request", async () => {
    await enqueueEmail(message("doomed:1"), t0);
    let now = t0;
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt += 1) {
      const report = await sendDueEmails({ now, transportFor: async () => ({ send: async () => Promise.reject(new Error("connection refused")) }) });
      expect(report.claimed).toBe(1);
      now = new Date(now.getTime() + retryDelayMs(attempt));
    }
    expect(await prisma.outboxMessage.findFirstOrThrow({ where: { dedupeKey: "doomed:1" } })).toMatchObject({ status: "failed", attempts: MAX_SEND_ATTEMPTS });
    expect(await sendDueEmails({ now: new Date(now.getTime() + 365 * 86_400_000) })).toMatchObject({ claimed: 0 });

    expect(await retryFailedEmails(shop, now)).toBe(1);
    expect(await sendDueEmails({ now })).toMatchObject({ sent: 1 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("reclaims a message whose worker died mid-send once the lease runs out", async () => {
    await enqueueEmail(message("crash:1"), t0);
    // A worker claims the row and dies before sending.
    await prisma.outboxMessage.updateMany({
      where: { dedupeKey: "crash:1" },
      data: { status: "sending", claimToken: "dead-worker", leaseExpiresAt: new Date(t0.getTime() + SEND_LEASE_MS), attempts: 1 },
    });
    expect(await sendDueEmails({ now: new Date(t0.getTime() + SEND_LEASE_MS - 1) })).toMatchObject({ claimed: 0 });
    expect(await sendDueEmails({ now: new Date(t0.getTime() + SEND_LEASE_MS + 1) })).toMatchObject({ sent: 1 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("waits, without spending attempts, while a shop has no email settings", async () => {
    delete process.env.SMTP_URL;
    try {
      await enqueueEmail(message("unconfigured:1"), t0);
      expect(await sendDueEmails({ now: t0 })).toMatchObject({ retrying: 1, sent: 0 });
      const row = await prisma.outboxMessage.findFirstOrThrow({ where: { dedupeKey: "unconfigured:1" } });
      expect(row).toMatchObject({ status: "pending", attempts: 0 });
      expect(row.lastError).toContain(new EmailNotConfiguredError(shop, ["smtpUrl"]).message);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });

  it("uses the shop's own SMTP server and sender when it saved them", async () => {
    const other = await startSmtpServer();
    try {
      await prisma.emailSettings.create({ data: { shop, smtpUrl: other.url, fromAddress: "hello@kopi-own.test", fromName: "Kopi Roasters" } });
      await enqueueEmail(message("own-server:1"), t0);
      await sendDueEmails({ now: t0 });
      const [mail] = await other.waitForMessages(1);
      expect(mail.parsed.from?.text).toBe('"Kopi Roasters" <hello@kopi-own.test>');
      expect(smtp.messages).toHaveLength(0);
    } finally {
      // The pooled connection to the shop's server stays open until the transports close.
      closeMailTransports();
      await other.close();
    }
  });
});
