import type { FakeAdmin } from "./fake-admin";

/**
 * What the Thank-you extension posts: the shopper's answer and the order's confirmation number, which the
 * page holds in orderConfirmation.number. A body that names `confirmationNumber` itself (a guess, null)
 * keeps it; a body that is not an object, or names an order the shop lacks, goes as it is.
 */
export function asThankYouPagePosts(fake: FakeAdmin, body: unknown): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body) || "confirmationNumber" in body) return body;
  const orderId = String((body as { orderId?: unknown }).orderId ?? "").replace("/OrderIdentity/", "/Order/");
  const order = fake.state.seed.orders.find((candidate) => candidate.id === orderId);
  return order ? { ...body, confirmationNumber: order.confirmationNumber } : body;
}
