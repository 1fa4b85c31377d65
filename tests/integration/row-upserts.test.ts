import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { upsertFulfillmentRows } from "../../app/models/orders/row-upserts.server";
import type { FulfillmentRecord } from "../../app/models/orders/record";
import { TEST_SHOP } from "../support/test-env";

/** Many parcel rows in one call: more than one statement may bind, inserted and then updated in place. */

const parcel = (index: number, status: string): FulfillmentRecord => ({
  id: `gid://shopify/Fulfillment/${index}`,
  orderId: `gid://shopify/Order/${Math.floor(index / 3)}`,
  status,
  displayStatus: null,
  createdAt: new Date("2026-11-01T00:00:00Z"),
  shopifyUpdatedAt: new Date("2026-11-02T00:00:00Z"),
  inTransitAt: null,
  deliveredAt: null,
  estimatedDeliveryAt: null,
  trackingCompany: "JNE",
  trackingNumber: `JNE${index}`,
  trackingUrl: null,
});

beforeEach(async () => {
  await prisma.orderFulfillment.deleteMany();
});

describe("multi-row upserts of parcels", () => {
  it("writes 3,000 parcels (over SQLite's bound-value limit for one statement), then updates them in place", async () => {
    const many = Array.from({ length: 3_000 }, (_, index) => parcel(index, "success"));
    await prisma.$transaction((tx) => upsertFulfillmentRows(tx, TEST_SHOP, many), { timeout: 60_000 });
    expect(await prisma.orderFulfillment.count({ where: { shop: TEST_SHOP, status: "success" } })).toBe(3_000);

    await prisma.$transaction((tx) => upsertFulfillmentRows(tx, TEST_SHOP, many.map((row) => ({ ...row, status: "cancelled" }))), { timeout: 60_000 });
    expect(await prisma.orderFulfillment.count({ where: { shop: TEST_SHOP } })).toBe(3_000);
    expect(await prisma.orderFulfillment.count({ where: { shop: TEST_SHOP, status: "cancelled" } })).toBe(3_000);
  });
});
