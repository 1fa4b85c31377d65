/**
 * A shopper's contact details per order: the email address every "keep in touch" message goes to and
 * that an order-status look-up must match. Protected customer data: only stored when Shopify gives
 * the app the order's email (orders/create webhook, or the sync with the protected-data fields).
 */
import type { Prisma } from "@prisma/client";
import prisma from "../../db.server";

export interface ContactDetails {
  orderId: string;
  email: string;
  firstName: string | null;
  locale: string | null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function contactData(details: ContactDetails) {
  return { email: normalizeEmail(details.email), firstName: details.firstName?.trim() || null, locale: details.locale };
}

/** One order's contact details; `db`: a transaction to write in, else the client. */
export async function recordContactDetails(
  shop: string,
  details: ContactDetails,
  now = new Date(),
  db: Prisma.TransactionClient = prisma,
): Promise<void> {
  await recordContactDetailsMany(shop, [details], now, db);
}

/** A page of orders' contact details (the order sync): new ones inserted together, changed ones updated. */
export async function recordContactDetailsMany(
  shop: string,
  contacts: readonly ContactDetails[],
  now: Date,
  db: Prisma.TransactionClient,
): Promise<void> {
  if (contacts.length === 0) return;
  const latest = new Map(contacts.map((details) => [details.orderId, contactData(details)]));
  const stored = await db.orderContact.findMany({ where: { shop, orderId: { in: [...latest.keys()] } } });
  const storedById = new Map(stored.map((row) => [row.orderId, row]));
  const fresh = [...latest].filter(([orderId]) => !storedById.has(orderId));
  if (fresh.length > 0) await db.orderContact.createMany({ data: fresh.map(([orderId, data]) => ({ shop, orderId, recordedAt: now, ...data })) });
  for (const [orderId, data] of latest) {
    const row = storedById.get(orderId);
    if (!row || (row.email === data.email && row.firstName === data.firstName && row.locale === data.locale)) continue;
    await db.orderContact.update({ where: { shop_orderId: { shop, orderId } }, data });
  }
}

export async function getContactDetails(shop: string, orderIds: readonly string[]): Promise<Map<string, ContactDetails>> {
  const rows = await prisma.orderContact.findMany({ where: { shop, orderId: { in: [...orderIds] } } });
  return new Map(rows.map((row) => [row.orderId, { orderId: row.orderId, email: row.email, firstName: row.firstName, locale: row.locale }]));
}

/** customers/redact and shop/redact: forget a shopper's addresses. */
export async function eraseContactDetails(shop: string, orderIds?: readonly string[]): Promise<number> {
  const { count } = await prisma.orderContact.deleteMany({ where: { shop, ...(orderIds ? { orderId: { in: [...orderIds] } } : {}) } });
  return count;
}
