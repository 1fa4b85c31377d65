/**
 * The storefront's order status look-up reads everything in one hand-written statement per engine
 * (status-facts.server.ts). It must read exactly what the model reads give: the order, its contact
 * email, promise, every parcel and return field (dates to the millisecond), and the shop's time zone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { getDeliveryPromises, recordDeliveryPromise } from "../../app/models/delays/delay.server";
import { Prisma } from "@prisma/client";
import { databaseEngine } from "../../app/db.server";
import { orderLookupStatement, readOrderFactsById, readOrderLookupFacts } from "../../app/models/orders/status-facts.server";
import { lookUpOrderStatus } from "../../app/models/orders/status.server";
import { saveShippingRules } from "../../app/models/shipping/settings.server";
import { getShopTimeZone } from "../../app/models/shop/time-zone.server";
import { days, seedOrder } from "../support/keep-in-touch-fixtures";
import { sampleShippingRules } from "../support/storefront/sample-shipping-rules";
import { TEST_SHOP } from "../support/test-env";

const OTHER_SHOP = "facts-other.myshopify.com";
const t0 = new Date("2026-09-01T18:30:00.123Z");
const at = (n: number) => new Date(t0.getTime() + days(n) + 7);
const ORDER = "gid://shopify/Order/6001";

async function seedReturn(shop: string, orderId: string, id: string, fields: Record<string, unknown>) {
  await prisma.returnRequest.create({
    data: { id, shop, orderId, shopifyReturnId: `gid://shopify/Return/${id}`, source: "shopify", status: "requested", requestedAt: at(6), ...fields },
  });
}

/** What the look-up read through the models before it was one statement. */
async function modelReads(shop: string, orderId: string) {
  const order = await prisma.order.findFirstOrThrow({
    where: { shop, id: orderId },
    select: { id: true, name: true, customerId: true, createdAt: true, cancelledAt: true, fulfillmentStatus: true },
  });
  const contact = await prisma.orderContact.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { email: true } });
  const parcels = await prisma.orderFulfillment.findMany({ where: { shop, orderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const promise = (await getDeliveryPromises(shop, [orderId])).get(orderId);
  return {
    order,
    email: contact?.email ?? null,
    promise: promise ? { earliest: promise.earliest, latest: promise.latest } : null,
    parcels: parcels.map(({ shop: _shop, ...parcel }) => parcel),
    returns: await prisma.returnRequest.findMany({
      where: { shop, orderId },
      select: {
        name: true,
        status: true,
        requestedAt: true,
        labelUrl: true,
        trackingUrl: true,
        declineReason: true,
        declineNote: true,
        refundAmount: true,
        refundCurrency: true,
        refundedAt: true,
      },
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    }),
    timeZone: await getShopTimeZone(shop),
  };
}

beforeAll(async () => {
  await saveShippingRules(TEST_SHOP, sampleShippingRules({ timeZone: "Asia/Jakarta" }));
  await seedOrder(TEST_SHOP, {
    id: ORDER,
    name: "#6001",
    createdAt: t0,
    customerId: "gid://shopify/Customer/91",
    email: "Dewi@Example.test",
    fulfillmentStatus: "PARTIALLY_FULFILLED",
    parcels: [
      // Given newest first: the look-up lists them oldest first all the same.
      { id: "gid://shopify/Fulfillment/6002", createdAt: at(3), status: "SUCCESS", displayStatus: "IN_TRANSIT", estimatedDeliveryAt: at(5) },
      {
        id: "gid://shopify/Fulfillment/6001",
        createdAt: at(1),
        inTransitAt: at(2),
        deliveredAt: at(4),
        displayStatus: "DELIVERED",
        trackingCompany: "J&T \"Express\"",
        trackingNumber: "JT-6001",
        trackingUrl: "https://track.example/JT-6001?x=1&y=ü",
      },
    ],
  });
  await recordDeliveryPromise(TEST_SHOP, ORDER, { earliest: "2026-09-04", latest: "2026-09-08" }, "Asia/Jakarta", t0);
  await seedReturn(TEST_SHOP, ORDER, "ret-b", { name: "#6001-R2", status: "open", labelUrl: "https://label.example/2", refundAmount: "12.50", refundCurrency: "IDR", refundedAt: at(9) });
  await seedReturn(TEST_SHOP, ORDER, "ret-a", { name: "#6001-R1", status: "declined", declineReason: "FINAL_SALE", declineNote: "Sale items are final.", requestedAt: at(5) });
  // The same number in another shop, with nothing stored around it and no shipping rules.
  await seedOrder(OTHER_SHOP, { id: "gid://shopify/Order/7001", name: "#6001", createdAt: t0, cancelledAt: at(1) });
});

describe("order status facts in one statement", () => {
  it("reads exactly what the model reads give, parcels oldest first and returns by request date", async () => {
    const facts = await readOrderLookupFacts(TEST_SHOP, ["#6001", "6001"]);
    expect(facts).toEqual(await modelReads(TEST_SHOP, ORDER));
    expect(facts?.parcels.map((parcel) => parcel.id)).toEqual(["gid://shopify/Fulfillment/6001", "gid://shopify/Fulfillment/6002"]);
    expect(facts?.returns.map((entry) => entry.name)).toEqual(["#6001-R1", "#6001-R2"]);
    expect(facts?.order.createdAt.toISOString()).toBe("2026-09-01T18:30:00.123Z");
  });

  it("finds the shop's own order only, with empty lists, no email or promise, and UTC when the shop saved no rules", async () => {
    const facts = await readOrderLookupFacts(OTHER_SHOP, ["#6001"]);
    expect(facts).toEqual(await modelReads(OTHER_SHOP, "gid://shopify/Order/7001"));
    expect(facts).toMatchObject({ email: null, promise: null, parcels: [], returns: [], timeZone: "UTC" });
    expect(facts?.order.cancelledAt).toEqual(at(1));
    expect(await readOrderLookupFacts(TEST_SHOP, ["#9999", "9999"])).toBeNull();
  });

  it("reads the same facts by the order's id for the customer account's door", async () => {
    expect(await readOrderFactsById(TEST_SHOP, ORDER)).toEqual(await modelReads(TEST_SHOP, ORDER));
    expect(await readOrderFactsById(OTHER_SHOP, ORDER)).toBeNull();
  });

  it("answers look-ups that arrive together each with its own shop's order", async () => {
    const [ours, theirs, unknown, otherSpelling] = await Promise.all([
      readOrderLookupFacts(TEST_SHOP, ["#6001", "6001"]),
      readOrderLookupFacts(OTHER_SHOP, ["#6001", "6001"]),
      readOrderLookupFacts(TEST_SHOP, ["#9999", "9999"]),
      readOrderLookupFacts(TEST_SHOP, ["6001"]),
    ]);
    expect(ours).toEqual(await modelReads(TEST_SHOP, ORDER));
    expect(theirs?.order.id).toBe("gid://shopify/Order/7001");
    expect(theirs?.parcels).toEqual([]);
    expect(unknown).toBeNull();
    expect(otherSpelling).toBeNull();
  });

  // SQLite plans without table statistics, as if every table were large, so the plan shows what the
  // statement allows. PostgreSQL plans from statistics: on this file's tiny tables any index on the shop
  // is as cheap, so its plan says nothing here (at 200,000 orders it searches the same indexes).
  it.runIf(databaseEngine() === "sqlite")("reaches the order and every row around it through an index, never by reading a whole table", async () => {
    const statement = orderLookupStatement([
      { shop: TEST_SHOP, names: ["#6001", "6001"] },
      { shop: OTHER_SHOP, names: ["#6001", "6001"] },
    ]);
    const plan = await prisma.$queryRaw<Array<{ detail: string }>>(Prisma.sql`EXPLAIN QUERY PLAN ${statement}`);
    const details = plan.map((row) => row.detail);
    expect(details).toContain("SEARCH o USING INDEX Order_shop_name_idx (shop=? AND name=?)");
    expect(details).toContain("SEARCH f USING INDEX OrderFulfillment_shop_orderId_idx (shop=? AND orderId=?)");
    expect(details).toContain("SEARCH r USING INDEX ReturnRequest_shop_orderId_idx (shop=? AND orderId=?)");
    // The six tables are each searched; only the statement's own list of spellings is scanned.
    expect(details.filter((detail) => detail.startsWith("SEARCH"))).toHaveLength(6);
    expect(details.filter((detail) => /^SCAN (o|c|p|f|r|s)\b/.test(detail))).toEqual([]);
  });

  it("gives the shopper the returns and dates in the shop's time zone", async () => {
    const answer = await lookUpOrderStatus(TEST_SHOP, { orderNumber: "6001", email: "dewi@example.test" }, { minAnswerMs: 0, now: at(10) });
    expect(answer.result).toBe("found");
    if (answer.result !== "found") return;
    // 18:30 UTC on 1 September is 01:30 on the 2nd in Jakarta.
    expect(answer.order.timeline[0]).toEqual({ step: "ordered", done: true, on: "2026-09-02" });
    expect(answer.order.timeline[1]).toEqual({ step: "fulfilled", done: true, on: "2026-09-03" });
    expect(answer.returns).toEqual([
      expect.objectContaining({ name: "#6001-R1", state: "declined", requestedOn: "2026-09-07", declineReason: "FINAL_SALE", declineNote: "Sale items are final." }),
      expect.objectContaining({ name: "#6001-R2", state: "refunded", requestedOn: "2026-09-08", labelUrl: "https://label.example/2", refund: { amount: "12.50", currency: "IDR" } }),
    ]);
  });
});
