/**
 * One return waiting for the merchant in Admin -> Returns: a shopper asked to send back one unit of a
 * delivered order within the return window (not a final-sale item), through the same path the
 * storefront's request takes (request.server.ts: Aftercare's rules, Shopify's `returnRequest` against
 * the demo's fake Admin API, then Aftercare's copy with `recordShopifyReturn`).
 */
import prisma from "../../app/db.server";
import { getReturnSettings } from "../../app/models/returns/settings.server";
import type { AdminGraphql } from "../../app/shopify/admin-graphql";
import { returnableOrderFrom } from "../../app/models/returns/check.server";
import { findShopperOrder, submitReturnRequest } from "../../app/models/returns/request.server";
import type { ReturnCopy } from "../../app/models/returns/returns.server";
import { listReturnReasons } from "../../app/models/returns/shopify-returns.server";
import { evaluateReturnEligibility } from "../../app/models/returns/window";

const NOTE = "The size runs small. Could I send it back?";
const DAY = 86_400_000;
/** How much later than the order its delivery may come, for the orders worth asking the rules about. */
const LONGEST_TRANSIT_DAYS = 60;

export async function seedDemoReturn(shop: string, graphql: AdminGraphql, now: Date): Promise<ReturnCopy> {
  const reasons = await listReturnReasons(graphql);
  const reason = reasons.find((candidate) => candidate.handle === "size-too-small") ?? reasons.find((candidate) => candidate.handle !== "unknown");
  if (!reason) throw new Error("The demo shop has no return reasons.");
  const saved = await getReturnSettings(shop);
  if (!saved) throw new Error("The demo shop has no return rules.");
  const windowDays = Math.max(saved.rules.windowDays, ...saved.rules.holidayExtensions.map((period) => period.windowDays));
  // Oldest first among the orders that may still be in the window: the first one whose items may go
  // back, leaving the newest orders for the shopper to try the storefront's request with.
  const orders = await prisma.order.findMany({
    where: {
      shop,
      cancelledAt: null,
      shipmentStatus: "delivered",
      customerId: { not: null },
      createdAt: { gte: new Date(now.getTime() - (windowDays + LONGEST_TRANSIT_DAYS) * DAY) },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, customerId: true },
  });
  for (const order of orders) {
    const found = await findShopperOrder(shop, { orderId: order.id }, { loggedInCustomerId: order.customerId });
    if (!found) continue;
    // Aftercare's rules pick the item (no final sale, window still open) before Shopify is asked once.
    const { order: stored, lines, parcels, settings } = found;
    const verdicts = evaluateReturnEligibility(returnableOrderFrom(stored, lines, parcels, settings.timeZone, settings.finalSaleProducts), settings.rules, now);
    const item = lines.find((_, index) => verdicts[index].eligible && verdicts[index].returnableQuantity > 0);
    if (!item) continue;
    const outcome = await submitReturnRequest(graphql, shop, found, [{ lineItemId: item.id, quantity: 1, reasonDefinitionId: reason.id, customerNote: NOTE }], {
      source: "storefront",
      language: "en",
      now,
    });
    if (outcome.ok) return outcome.copy;
  }
  throw new Error("The demo found no delivered order within the return window to request a return for.");
}
