/**
 * What the returns tests start from: a paid, delivered seed order of the fake shop with two items in one
 * parcel (so one of two can be returned), and Aftercare's synced copy of it.
 */
import type { SeedOrder as FakeSeedOrder } from "./fake-admin";
import type { FakeAdmin } from "./fake-admin";
import { seedOrder, type SeedOrder } from "./keep-in-touch-fixtures";

export function returnableSeedOrder(fake: FakeAdmin): FakeSeedOrder {
  const order = fake.state.seed.orders.findLast(
    (candidate) =>
      !candidate.cancelledAt && candidate.displayFinancialStatus === "PAID" && candidate.displayFulfillmentStatus === "FULFILLED" &&
      candidate.lineItems.length === 2 && candidate.fulfillments.length === 1 && candidate.fulfillments[0].deliveredAt !== null,
  );
  if (!order) throw new Error("The seed shop has no paid, delivered order with two items in one parcel");
  return order;
}

/**
 * Stores the order as Aftercare's sync would. Dates are the seed's unless `dates` moves them (placed,
 * shipped, delivered); `contact` overrides the buyer's email, name and language.
 */
export async function syncSeedOrder(
  shop: string,
  order: FakeSeedOrder,
  options: { dates?: { placedAt: Date; shippedAt: Date; deliveredAt: Date }; contact?: Pick<SeedOrder, "email" | "firstName" | "locale"> } = {},
): Promise<void> {
  const { dates, contact } = options;
  await seedOrder(shop, {
    id: order.id,
    name: order.name,
    createdAt: dates?.placedAt ?? new Date(order.createdAt),
    customerId: order.customerId,
    email: order.email,
    ...contact,
    fulfillmentStatus: "FULFILLED",
    parcels: order.fulfillments.map((fulfillment) => ({
      id: fulfillment.id,
      createdAt: dates?.shippedAt ?? new Date(fulfillment.createdAt),
      deliveredAt: dates?.deliveredAt ?? new Date(fulfillment.deliveredAt!),
    })),
    lineItems: order.lineItems.map((line) => ({ id: line.id, productId: line.productId, title: line.title, sku: line.sku, quantity: line.quantity })),
  });
}
