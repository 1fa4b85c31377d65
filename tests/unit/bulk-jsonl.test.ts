import { parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "../support/admin-schema";
import { BulkResultError, batchBulkOrders, classifyBulkLine, readJsonLines } from "../../app/shopify/bulk-jsonl";
import { bulkOrdersQuery } from "../../app/shopify/order-query";

async function* chunksOf(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

const order = (id: number, extra: Record<string, unknown> = {}) => ({
  id: `gid://shopify/Order/${id}`,
  name: `#${id}`,
  createdAt: "2026-11-01T10:00:00Z",
  updatedAt: "2026-11-03T10:00:00Z",
  cancelledAt: null,
  displayFulfillmentStatus: "FULFILLED",
  customer: { id: "gid://shopify/Customer/7" },
  shippingAddress: { countryCodeV2: "ID", provinceCode: "JK" },
  fulfillments: [
    {
      id: `gid://shopify/Fulfillment/${id}`,
      status: "SUCCESS",
      displayStatus: "DELIVERED",
      createdAt: "2026-11-02T10:00:00Z",
      updatedAt: "2026-11-03T10:00:00Z",
      inTransitAt: "2026-11-02T12:00:00Z",
      deliveredAt: "2026-11-03T10:00:00Z",
      estimatedDeliveryAt: "2026-11-04T00:00:00Z",
      trackingInfo: [{ company: "JNE", number: "CGK1", url: "https://example.test/CGK1" }],
    },
  ],
  ...extra,
});
const lineItem = (id: number, parent: number) => ({
  id: `gid://shopify/LineItem/${id}`,
  title: "Batik scarf — indigo",
  sku: "SCARF-1",
  quantity: 1,
  product: { id: "gid://shopify/Product/3" },
  __parentId: `gid://shopify/Order/${parent}`,
});

describe("readJsonLines", () => {
  const file = [order(1), lineItem(11, 1), lineItem(12, 1), order(2), lineItem(21, 2)].map((line) => JSON.stringify(line)).join("\n");

  it("reads every line whatever the chunk size, including multi-byte characters split across chunks", async () => {
    for (const size of [1, 3, 7, 64, 100_000]) {
      const lines = await collect(readJsonLines(chunksOf(`${file}\n`, size)));
      expect(lines.map((line) => line.id)).toEqual([
        "gid://shopify/Order/1",
        "gid://shopify/LineItem/11",
        "gid://shopify/LineItem/12",
        "gid://shopify/Order/2",
        "gid://shopify/LineItem/21",
      ]);
      expect(lines[1].title).toBe("Batik scarf — indigo");
    }
  });

  it("accepts CRLF line ends, blank lines and a last line without a newline", async () => {
    const text = `${JSON.stringify(order(1))}\r\n\r\n${JSON.stringify(lineItem(11, 1))}`;
    const lines = await collect(readJsonLines(chunksOf(text, 5)));
    expect(lines.map((line) => line.id)).toEqual(["gid://shopify/Order/1", "gid://shopify/LineItem/11"]);
  });

  it("names the line that is not JSON", async () => {
    const text = `${JSON.stringify(order(1))}\n{"id": "gid://shopify/Order/2",\n`;
    await expect(collect(readJsonLines(chunksOf(text, 16)))).rejects.toThrow(BulkResultError);
    await expect(collect(readJsonLines(chunksOf(text, 16)))).rejects.toThrow(/line 2/);
  });
});

describe("the order export's lines", () => {
  it("turns an order line into an order with its parcels, and a child line into a line item of its parent", () => {
    const parsedOrder = classifyBulkLine(order(1));
    expect(parsedOrder.kind).toBe("order");
    if (parsedOrder.kind !== "order") return;
    expect(parsedOrder.snapshot.order).toMatchObject({ id: "gid://shopify/Order/1", countryCode: "ID", customerId: "gid://shopify/Customer/7" });
    expect(parsedOrder.snapshot.fulfillments[0]).toMatchObject({ trackingNumber: "CGK1", deliveredAt: new Date("2026-11-03T10:00:00Z") });
    // Line items come as their own lines: the order line leaves stored ones alone.
    expect(parsedOrder.snapshot.lineItems).toBeNull();

    expect(classifyBulkLine(lineItem(11, 1))).toEqual({
      kind: "lineItem",
      lineItem: { id: "gid://shopify/LineItem/11", orderId: "gid://shopify/Order/1", productId: "gid://shopify/Product/3", title: "Batik scarf — indigo", sku: "SCARF-1", quantity: 1 },
    });
    expect(classifyBulkLine({ id: "gid://shopify/Refund/1", __parentId: "gid://shopify/Order/1" }).kind).toBe("other");
  });

  it("batches orders in bounded groups, keeping each line item in the batch it was read in", async () => {
    const lines = [order(1), lineItem(11, 1), order(2), lineItem(21, 2), order(3), lineItem(31, 3), lineItem(32, 3)];
    const batches = await collect(batchBulkOrders(readJsonLines(chunksOf(lines.map((line) => JSON.stringify(line)).join("\n"), 50)), 2));
    expect(batches.map((batch) => batch.orders.map((o) => o.order.name))).toEqual([["#1", "#2"], ["#3"]]);
    expect(batches.map((batch) => batch.lineItems.map((item) => item.id.split("/").pop()))).toEqual([["11"], ["21", "31", "32"]]);
  });

  it("asks for a query the Admin schema accepts, with and without a date filter", () => {
    for (const search of [null, "created_at:>=2026-09-24T09:00:00.000Z"]) {
      const errors = validate(loadAdminSchema(), parse(bulkOrdersQuery(search)), specifiedRules);
      expect(errors.map((error) => error.message)).toEqual([]);
    }
  });
});
