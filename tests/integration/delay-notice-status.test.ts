import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeMailTransports } from "../../app/email/transport.server";
import { enqueueDelayNotices } from "../../app/jobs/delay-notices.server";
import { getDelayNoticeStates } from "../../app/models/delays/notice-status.server";
import { recordDeliveryPromise } from "../../app/models/delays/delay.server";
import { sendDueEmails } from "../../app/models/email/outbox.server";
import { days, seedOrder, type SeedOrder } from "../support/keep-in-touch-fixtures";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

const shop = "told-test.myshopify.com";
const t0 = new Date("2026-11-10T08:00:00Z");
const at = (n: number) => new Date(t0.getTime() + days(n));
const late = (n: number, email?: string): SeedOrder => ({
  id: `gid://shopify/Order/${n}`,
  name: `#${n}`,
  createdAt: t0,
  ...(email ? { email, firstName: "Ana" } : {}),
  parcels: [{ id: `gid://shopify/Fulfillment/${n}`, inTransitAt: at(1) }],
});

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
  for (const order of [late(1, "ana@example.test"), late(2)]) {
    await seedOrder(shop, order);
    await recordDeliveryPromise(shop, order.id, { earliest: "2026-11-13", latest: "2026-11-15" }, "UTC", t0);
  }
});

afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

describe("what the at-risk list says about delay notices", () => {
  it("is queued once the delay is found, and told with the day once the email went out", async () => {
    await enqueueDelayNotices(shop, at(8));
    expect(await getDelayNoticeStates(shop, at(8))).toEqual({ "gid://shopify/Order/1": { state: "queued" } });

    await sendDueEmails({ now: at(11) });
    await smtp.waitForMessages(1);
    const states = await getDelayNoticeStates(shop, at(11));
    expect(states["gid://shopify/Order/1"]).toEqual({ state: "told", sentAt: at(11).toISOString() });
    // No email on file: nothing was sent, the list says "Not told yet".
    expect(states["gid://shopify/Order/2"]).toBeUndefined();
  });
});
