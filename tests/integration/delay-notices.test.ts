import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeMailTransports } from "../../app/email/transport.server";
import { enqueueDelayNotices } from "../../app/jobs/delay-notices.server";
import { saveContactOptions } from "../../app/models/contact/options.server";
import { contactOptionsSchema } from "../../app/models/contact/options";
import { listDelayedOrders, recordDeliveryPromise } from "../../app/models/delays/delay.server";
import { sendDueEmails } from "../../app/models/email/outbox.server";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { days, seedOrder, updateOrder, type SeedOrder } from "../support/keep-in-touch-fixtures";

const shop = "delay-test.myshopify.com";
const t0 = new Date("2026-05-01T08:00:00Z");
const at = (dayOffset: number) => new Date(t0.getTime() + days(dayOffset));

let smtp: TestSmtpServer;

/** One tick of the scheduler at a given moment: find delays, then send. */
async function tick(now: Date) {
  const report = await enqueueDelayNotices(shop, now);
  await sendDueEmails({ now });
  return report;
}

const late: SeedOrder = {
  id: "gid://shopify/Order/101",
  name: "#1101",
  createdAt: t0,
  email: "ana@example.test",
  firstName: "Ana",
  parcels: [{ id: "gid://shopify/Fulfillment/1", inTransitAt: at(1), trackingUrl: "https://track.example/AB123" }],
};
const onTime: SeedOrder = {
  id: "gid://shopify/Order/102",
  name: "#1102",
  createdAt: t0,
  email: "budi@example.test",
  parcels: [{ id: "gid://shopify/Fulfillment/2", inTransitAt: at(1) }],
};
const carrierDelayed: SeedOrder = {
  id: "gid://shopify/Order/103",
  name: "#1103",
  createdAt: t0,
  email: "citra@example.test",
  parcels: [{ id: "gid://shopify/Fulfillment/3", inTransitAt: at(1), displayStatus: "DELAYED" }],
};
const lateWithoutEmail: SeedOrder = { id: "gid://shopify/Order/104", name: "#1104", createdAt: t0, parcels: [{ id: "gid://shopify/Fulfillment/4" }] };

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
  await saveContactOptions(shop, contactOptionsSchema.parse({ email: "help@kopi.test", phone: "+62 812 3456 789" }));
  for (const order of [late, onTime, carrierDelayed, lateWithoutEmail]) {
    await seedOrder(shop, order);
    await recordDeliveryPromise(shop, order.id, { earliest: "2026-05-04", latest: "2026-05-06", dispatchDate: "2026-05-02" }, "UTC", t0);
  }
});

afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

describe("proactive delay notices, through time", () => {
  it("tells the shopper of a late order exactly once, before they ask", async () => {
    // Day 2: the carrier already reports a delay on #1103; the others are on their way.
    expect(await tick(at(2))).toMatchObject({ delayed: 1, enqueued: 1 });
    await smtp.waitForMessages(1);
    expect(smtp.messages.map((mail) => mail.to[0])).toEqual(["citra@example.test"]);

    // Day 5: #1102 arrives inside its range.
    await updateOrder(shop, { ...onTime, parcels: [{ id: "gid://shopify/Fulfillment/2", inTransitAt: at(1), deliveredAt: at(4) }] }, at(4));
    expect(await tick(at(5))).toMatchObject({ enqueued: 0 });

    // Day 6 (2026-05-07 08:00 UTC): the range of #1101 and #1104 is over.
    expect(await tick(at(6))).toMatchObject({ delayed: 3, enqueued: 1, withoutEmail: 1 });
    await smtp.waitForMessages(2);

    // The job keeps running every few hours; the carrier now also flags #1101 as delayed.
    await updateOrder(shop, { ...late, parcels: [{ ...late.parcels![0], displayStatus: "DELAYED" }] }, at(6.5));
    for (const hours of [6, 12, 24, 48]) await tick(new Date(at(6).getTime() + hours * 3_600_000));
    await tick(at(6)); // and a run that repeats an earlier one

    expect(smtp.messages.map((mail) => mail.to[0]).sort()).toEqual(["ana@example.test", "citra@example.test"]);
    const notice = smtp.messagesTo("ana@example.test")[0];
    expect(notice.subject).toBe("An update on your order #1101");
    expect(notice.text).toContain("Hi Ana,");
    expect(notice.text).toMatch(/than the May 4\s–\s6, 2026 we promised/);
    expect(notice.text).toContain("https://track.example/AB123");
    expect(notice.text).toContain("Questions? Reach us at help@kopi.test · +62 812 3456 789.");
    expect(notice.html).toContain('<a href="https://track.example/AB123">');
  });

  it("lists every delayed order for the merchant, with whether the shopper was told", async () => {
    const list = await listDelayedOrders(shop, at(8));
    const byName = Object.fromEntries(list.map((order) => [order.orderName, order]));
    expect(Object.keys(byName).sort()).toEqual(["#1101", "#1103", "#1104"]);
    expect(byName["#1101"]).toMatchObject({ reason: "carrier_delay", noticeStatus: "sent" });
    expect(byName["#1101"].notifiedAt).toEqual(at(6));
    expect(byName["#1104"]).toMatchObject({ reason: "missed", noticeStatus: null, notifiedAt: null });
  });
});
