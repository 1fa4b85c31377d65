import { graphql as execute } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeMailTransports } from "../../app/email/transport.server";
import { enqueueAnniversaries } from "../../app/jobs/anniversary.server";
import { anniversaryCode } from "../../app/models/loyalty/loyalty";
import { saveLoyaltySettings } from "../../app/models/loyalty/loyalty.server";
import { sendDueEmails } from "../../app/models/email/outbox.server";
import type { AdminGraphql } from "../../app/shopify/admin-graphql";
import { loadAdminSchema } from "../support/admin-schema";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { days, seedOrder } from "../support/keep-in-touch-fixtures";

const shop = "loyal-test.myshopify.com";
const firstOrderAt = new Date("2025-03-10T05:00:00Z");
const at = (n: number) => new Date(firstOrderAt.getTime() + days(n));
let smtp: TestSmtpServer;

/** An Admin client that executes the real schema; it records the discounts created and refuses a code twice. */
function discountAdmin() {
  const schema = loadAdminSchema();
  const codes: Array<Record<string, unknown>> = [];
  const client: AdminGraphql = async (query, options) => {
    const result = await execute({
      schema,
      source: query,
      variableValues: options?.variables,
      rootValue: {
        discountCodeBasicCreate: ({ basicCodeDiscount }: { basicCodeDiscount: Record<string, unknown> }) => {
          if (codes.some((code) => code.code === basicCodeDiscount.code)) {
            return { codeDiscountNode: null, userErrors: [{ field: ["basicCodeDiscount", "code"], code: "TAKEN", message: "Code must be unique" }] };
          }
          codes.push(basicCodeDiscount);
          return { codeDiscountNode: { id: `gid://shopify/DiscountCodeNode/${codes.length}` }, userErrors: [] };
        },
      },
    });
    return new Response(JSON.stringify(result), { headers: { "Content-Type": "application/json" } });
  };
  return { client, codes };
}

async function tick(now: Date, admin: AdminGraphql) {
  const report = await enqueueAnniversaries(shop, admin, now);
  await sendDueEmails({ now });
  return report;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
  await saveLoyaltySettings(shop, { enabled: true, discountPercent: 15, discountDays: 30 }, at(100));
  const customer = "gid://shopify/Customer/900";
  await seedOrder(shop, { id: "gid://shopify/Order/900", name: "#900", createdAt: firstOrderAt, customerId: customer, email: "lia@example.test", firstName: "Lia" });
  await seedOrder(shop, { id: "gid://shopify/Order/901", name: "#901", createdAt: at(200), customerId: customer, email: "lia@example.test" });
  // A customer whose first order was half a year later: not due yet.
  await seedOrder(shop, { id: "gid://shopify/Order/950", name: "#950", createdAt: at(180), customerId: "gid://shopify/Customer/950", email: "tono@example.test" });
});

afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

describe("first-purchase anniversary", () => {
  it("thanks the customer once, a year after the first order, with one code created through the Admin API", async () => {
    const admin = discountAdmin();
    expect(await tick(at(364), admin.client)).toMatchObject({ due: 0 });
    expect(await tick(at(365), admin.client)).toMatchObject({ due: 1, enqueued: 1, discountErrors: [] });
    for (const day of [365.5, 366, 370, 380]) await tick(at(day), admin.client);

    await smtp.waitForMessages(1);
    expect(smtp.messages.map((mail) => mail.to[0])).toEqual(["lia@example.test"]);
    const code = anniversaryCode(shop, "gid://shopify/Customer/900");
    expect(smtp.messages[0].subject).toBe("A year ago today: thank you from loyal-test");
    expect(smtp.messages[0].text).toContain("on March 10, 2025, you placed your first order");
    expect(smtp.messages[0].text).toContain(`15% off your next order with the code ${code}`);

    expect(admin.codes).toHaveLength(1);
    expect(admin.codes[0]).toMatchObject({
      code,
      usageLimit: 1,
      appliesOncePerCustomer: true,
      context: { customers: { add: ["gid://shopify/Customer/900"] } },
      customerGets: { value: { percentage: 0.15 }, items: { all: true } },
    });
  });

  it("sends nothing for a discount Shopify refuses, and tries again on the next run", async () => {
    const refusing: AdminGraphql = async () =>
      new Response(JSON.stringify({ data: { discountCodeBasicCreate: { codeDiscountNode: null, userErrors: [{ field: null, code: "INVALID", message: "Not allowed" }] } } }));
    await seedOrder(shop, { id: "gid://shopify/Order/960", name: "#960", createdAt: at(10), customerId: "gid://shopify/Customer/960", email: "sari@example.test" });
    expect(await tick(at(375), refusing)).toMatchObject({ enqueued: 0, discountErrors: ["Shopify refused the discount: Not allowed"] });
    expect(smtp.messagesTo("sari@example.test")).toHaveLength(0);
    expect(await tick(at(376), discountAdmin().client)).toMatchObject({ enqueued: 1 });
  });
});
