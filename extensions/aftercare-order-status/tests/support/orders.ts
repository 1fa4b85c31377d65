/** Answers of GET /api/customer-account/order, as the app gives them, for each state an order can be in. */
import type { CustomerOrder, OrderStatus, Step } from "../../src/backend";

const STEPS: Step[] = ["ordered", "fulfilled", "in_transit", "out_for_delivery", "delivered"];

function status(current: Step, overrides: Partial<OrderStatus> = {}): OrderStatus {
  const reached = STEPS.indexOf(current);
  const dates = ["2026-09-01", "2026-09-02", "2026-09-03", null, "2026-09-05"];
  return {
    name: "#5001",
    cancelled: false,
    alert: null,
    timeline: STEPS.map((step, index) => ({ step, done: index <= reached, on: index <= reached ? dates[index] : null })),
    current,
    carrier: "JNE",
    trackingNumber: "JNE123",
    trackingUrl: "https://track.example/JNE123",
    estimate: { earliest: "2026-09-04", latest: "2026-09-07", source: "promise" },
    deliveredOn: current === "delivered" ? "2026-09-05" : null,
    ...overrides,
  };
}

export const CONTACT = [
  { kind: "email" as const, label: "help@shop.example", href: "mailto:help@shop.example" },
  { kind: "whatsapp" as const, label: "+62 812 3456 789", href: "https://wa.me/628123456789" },
];

export const ORDER_ID = "gid://shopify/Order/5001";

export const delivered = (): CustomerOrder => ({
  order: status("delivered"),
  lines: [
    { lineItemId: "gid://shopify/LineItem/11", productTitle: "Enamel mug", reviewed: false },
    { lineItemId: "gid://shopify/LineItem/12", productTitle: "Pour-over kettle", reviewed: true },
  ],
  contact: CONTACT,
});

export const inTransit = (): CustomerOrder => ({ order: status("in_transit"), lines: [], contact: CONTACT });

export const late = (newer: { earliest: string; latest: string } | null): CustomerOrder => ({
  order: status("out_for_delivery", { alert: "late", estimate: newer ? { ...newer, source: "carrier" } : null }),
  lines: [],
  contact: CONTACT,
});

export const failed = (): CustomerOrder => ({ order: status("in_transit", { alert: "failed", estimate: null }), lines: [], contact: CONTACT });

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
