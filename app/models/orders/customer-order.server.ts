/**
 * One order of a logged-in customer, for the customer account order-status extension: the same status
 * facts the storefront's order-status look-up reads (status-facts.server.ts), found by the order's id
 * and answered only when the order belongs to that customer.
 */
import prisma from "../../db.server";
import { contactChannels } from "../contact/options";
import { getContactOptions } from "../contact/options.server";
import { customerOrderAnswer, type CustomerOrderAnswer } from "./customer-account-order";
import { orderStatusOf } from "./status-facts";
import { readOrderFactsById } from "./status-facts.server";

/** The order's answer, or null when it is unknown to the app or another customer's. */
export async function loadCustomerOrder(shop: string, customerId: string, orderId: string, now = new Date()): Promise<CustomerOrderAnswer | null> {
  const facts = await readOrderFactsById(shop, orderId);
  if (!facts || facts.order.customerId !== customerId) return null;

  const [lines, reviews, contact] = await Promise.all([
    prisma.orderLineItem.findMany({ where: { shop, orderId, productId: { not: null } }, orderBy: { id: "asc" } }),
    prisma.review.findMany({ where: { shop, orderId }, select: { lineItemId: true } }),
    getContactOptions(shop),
  ]);
  const { order: view, returns } = orderStatusOf(facts, now);
  const reviewed = new Set(reviews.map((review) => review.lineItemId));
  return customerOrderAnswer(
    view,
    lines.map((line) => ({ lineItemId: line.id, productTitle: line.title, reviewed: reviewed.has(line.id) })),
    contactChannels(contact),
    returns,
  );
}
