/**
 * What the returns tests start from: a paid, delivered seed order of the fake shop with two items in one
 * parcel (so one of two can be returned), and Aftercare's synced copy of it.
 */
import prisma from "../../app/db.server";
import { adminFetchRequest, routeAnswer } from "./app-requests";
import { createFakeAdmin, createSeedShop, type FakeAdmin, type SeedOrder as FakeSeedOrder } from "./fake-admin";
import { seedOrder, type SeedOrder } from "./keep-in-touch-fixtures";
import { routeShop } from "./shopify-network";
import { TEST_API_SECRET } from "./test-env";

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

/** A return's page parameter: its numeric id. */
export const returnParam = (gid: string) => gid.split("/").pop()!;

const routeArgs = (request: Request, id: string) => ({ request, params: { id }, context: {} });

/** The return's page (app/routes/app.returns.$id) as the admin loads it. */
export async function loadReturnPage(returnId: string) {
  const { loader } = await import("../../app/routes/app.returns.$id");
  const id = returnParam(returnId);
  const response = await routeAnswer(() => loader(routeArgs(adminFetchRequest(`/app/returns/${id}`), id)));
  return { status: response.status, body: await response.json() };
}

/** Submits the return page's form as the page does (urlencoded, one intent), in the admin's `locale`. */
export async function submitReturnPage(returnId: string, fields: Record<string, string>, options: { locale?: string } = {}) {
  const { action } = await import("../../app/routes/app.returns.$id");
  const id = returnParam(returnId);
  const query = options.locale ? `?locale=${options.locale}` : "";
  const request = adminFetchRequest(`/app/returns/${id}${query}`, { method: "POST", body: new URLSearchParams(fields) });
  const response = await routeAnswer(() => action(routeArgs(request, id)));
  return { status: response.status, body: await response.json() };
}

/**
 * Starts a returns test afresh: no returns, receipts or orders of the shop; a new fake shop (returns
 * scopes, answering as `shop`); its returnable order synced, placed six days ago and delivered three.
 */
export async function freshReturnsShop(shop: string, accessToken: string): Promise<{ fake: FakeAdmin; order: FakeSeedOrder }> {
  await prisma.returnRequestLine.deleteMany();
  await prisma.returnRequest.deleteMany();
  await prisma.processedWebhook.deleteMany();
  await prisma.orderLineItem.deleteMany({ where: { shop } });
  await prisma.orderFulfillment.deleteMany({ where: { shop } });
  await prisma.order.deleteMany({ where: { shop } });
  const fake = createFakeAdmin({ shop: createSeedShop({ domain: shop }), accessToken, apiSecret: TEST_API_SECRET, scopes: ["read_orders", "read_returns", "write_returns"] });
  routeShop(shop, (request) => fake.handle(request));
  const order = returnableSeedOrder(fake);
  const day = 86_400_000;
  await syncSeedOrder(shop, order, { dates: { placedAt: new Date(Date.now() - 6 * day), shippedAt: new Date(Date.now() - 5 * day), deliveredAt: new Date(Date.now() - 3 * day) } });
  return { fake, order };
}
