import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { inOrderTransaction, saveOrderSnapshots } from "../../app/models/orders/snapshots.server";
import { orderPayload, snapshotFromOrderPayload } from "../../app/models/orders/webhook";
import { orderDeliveries } from "../load/load-harness";

const SHOP = "race.myshopify.com";
const ORDERS = 40;

/** The orders/create (older, US) and orders/updated (newer, CA) copies of one order, as the app parses them. */
function copiesOf(index: number) {
  const [created, , updated] = orderDeliveries(index, new Date("2026-11-02T09:00:00Z"));
  return [created!, updated!].map((delivery) => snapshotFromOrderPayload(orderPayload.parse(delivery.payload)));
}

describe("two copies of one order written at the same moment", () => {
  it("keeps the newer copy whichever transaction commits last", async () => {
    await Promise.all(
      Array.from({ length: ORDERS }, (_, index) => {
        const [older, newer] = copiesOf(index);
        // The older copy starts first half the time, the newer one the other half.
        const pair = index % 2 === 0 ? [older!, newer!] : [newer!, older!];
        return Promise.all(pair.map((snapshot) => inOrderTransaction((db) => saveOrderSnapshots(db, SHOP, [snapshot]))));
      }),
    );
    const byCountry = await prisma.order.groupBy({ by: ["countryCode"], where: { shop: SHOP }, _count: true });
    expect(byCountry).toEqual([{ countryCode: "CA", _count: ORDERS }]);
    expect(await prisma.orderLineItem.count({ where: { shop: SHOP } })).toBe(ORDERS);
  });
});

describe("a page of changes written together", () => {
  it("stores an order that appears twice in one page once, as its newer copy", async () => {
    const shop = "batch.myshopify.com";
    const [older, newer] = copiesOf(7);
    await inOrderTransaction((db) => saveOrderSnapshots(db, shop, [older!, newer!, older!]));
    const rows = await prisma.order.findMany({ where: { shop } });
    expect(rows.map((row) => row.countryCode)).toEqual(["CA"]);
    expect(await prisma.orderLineItem.count({ where: { shop } })).toBe(newer!.lineItems!.length);
  });
});
