import { beforeAll, describe, expect, it } from "vitest";
import { recordDeliveryPromise } from "../../app/models/delays/delay.server";
import { action } from "../../app/routes/proxy.order-status";
import { appProxyRequest } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";
import { days, seedOrder } from "../support/keep-in-touch-fixtures";

const t0 = new Date("2026-09-01T03:00:00Z");
const at = (n: number) => new Date(t0.getTime() + days(n));

function lookUp(fields: Record<string, string>, options: { loggedInCustomerId?: string; headers?: Record<string, string> } = {}) {
  return action({
    request: appProxyRequest("/proxy/order-status", {
      method: "POST",
      body: new URLSearchParams(fields),
      loggedInCustomerId: options.loggedInCustomerId,
      headers: { "X-Forwarded-For": `203.0.113.${Math.floor(Math.random() * 200)}`, ...options.headers },
    }),
    params: {},
    context: {},
  });
}

beforeAll(async () => {
  await storeOfflineSession({ accessToken: "shpat_test" });
  await seedOrder(TEST_SHOP, {
    id: "gid://shopify/Order/5001",
    name: "#5001",
    createdAt: t0,
    customerId: "gid://shopify/Customer/77",
    email: "Rina@Example.test",
    parcels: [
      {
        id: "gid://shopify/Fulfillment/5001",
        createdAt: at(1),
        inTransitAt: at(2),
        displayStatus: "OUT_FOR_DELIVERY",
        trackingCompany: "JNE",
        trackingNumber: "JNE123",
        trackingUrl: "https://track.example/JNE123",
      },
    ],
  });
  await recordDeliveryPromise(TEST_SHOP, "gid://shopify/Order/5001", { earliest: "2026-09-04", latest: "2026-09-07" }, "UTC", t0);
});

describe("order status look-up", () => {
  it("shows the timeline, carrier and tracking link to the shopper who gives the order's email, and that the order is past its promise", async () => {
    const response = await lookUp({ orderNumber: "5001", email: " rina@example.TEST " });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toEqual({
      result: "found",
      order: {
        name: "#5001",
        cancelled: false,
        // Promised for 4–7 Sep 2026 and still out for delivery: later than we said, and no past date shown.
        alert: "late",
        timeline: [
          { step: "ordered", done: true, on: "2026-09-01" },
          { step: "fulfilled", done: true, on: "2026-09-02" },
          { step: "in_transit", done: true, on: "2026-09-03" },
          { step: "out_for_delivery", done: true, on: null },
          { step: "delivered", done: false, on: null },
        ],
        current: "out_for_delivery",
        carrier: "JNE",
        trackingNumber: "JNE123",
        trackingUrl: "https://track.example/JNE123",
        estimate: null,
        deliveredOn: null,
      },
      returns: [],
    });
    expect(JSON.stringify(body)).not.toMatch(/rina|Customer/i);
  });

  it("gives the same neutral answer for an unknown order and for a wrong email", async () => {
    const unknown = await (await lookUp({ orderNumber: "9999", email: "rina@example.test" })).json();
    const wrongEmail = await (await lookUp({ orderNumber: "5001", email: "someone@example.test" })).json();
    expect(unknown).toEqual({ result: "not_found", order: null });
    expect(wrongEmail).toEqual(unknown);
  });

  it("lets the logged-in customer who placed the order look it up without the email, and nobody else", async () => {
    expect(await (await lookUp({ orderNumber: "#5001" }, { loggedInCustomerId: "77" })).json()).toMatchObject({ result: "found" });
    expect(await (await lookUp({ orderNumber: "#5001" }, { loggedInCustomerId: "78" })).json()).toEqual({ result: "not_found", order: null });
  });

  it("stops guessing after a few tries on one order number", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await lookUp({ orderNumber: "4242", email: `guess${i}@example.test` })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it("refuses a request the app proxy did not sign", async () => {
    const forged = appProxyRequest("/proxy/order-status", { method: "POST", body: new URLSearchParams({ orderNumber: "5001", email: "rina@example.test" }), signature: "f".repeat(64) });
    await expect(action({ request: forged, params: {}, context: {} })).rejects.toMatchObject({ status: 400 });
  });
});
