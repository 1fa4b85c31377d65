/** Orders for the keep-in-touch tests, written through the app's own order write path. */
import prisma from "../../app/db.server";
import { recordContactDetails } from "../../app/models/orders/contact-details.server";
import type { FulfillmentRecord, LineItemRecord, OrderRecord } from "../../app/models/orders/record";
import { saveOrderSnapshots } from "../../app/models/orders/snapshots.server";

export interface SeedOrder {
  id: string;
  name: string;
  createdAt: Date;
  customerId?: string | null;
  email?: string | null;
  firstName?: string | null;
  countryCode?: string;
  cancelledAt?: Date | null;
  parcels?: Array<Partial<FulfillmentRecord> & { id: string }>;
  /** The lines bought (none unless given). */
  lineItems?: Array<Omit<LineItemRecord, "orderId">>;
  /** The shopper's language as Shopify reports it (`customer_locale`); default "en". */
  locale?: string | null;
  /** UNFULFILLED unless parcels are given (then FULFILLED). */
  fulfillmentStatus?: string;
}

export async function seedOrder(shop: string, seed: SeedOrder, updatedAt = seed.createdAt): Promise<void> {
  const order: OrderRecord = {
    id: seed.id,
    name: seed.name,
    customerId: seed.customerId ?? null,
    countryCode: seed.countryCode ?? "ID",
    provinceCode: null,
    fulfillmentStatus: seed.fulfillmentStatus ?? (seed.parcels?.length ? "FULFILLED" : "UNFULFILLED"),
    createdAt: seed.createdAt,
    cancelledAt: seed.cancelledAt ?? null,
    shopifyUpdatedAt: updatedAt,
  };
  const fulfillments: FulfillmentRecord[] = (seed.parcels ?? []).map((parcel) => ({
    orderId: seed.id,
    status: "SUCCESS",
    displayStatus: parcel.deliveredAt ? "DELIVERED" : "IN_TRANSIT",
    createdAt: seed.createdAt,
    shopifyUpdatedAt: updatedAt,
    inTransitAt: null,
    deliveredAt: null,
    estimatedDeliveryAt: null,
    trackingCompany: null,
    trackingNumber: null,
    trackingUrl: null,
    ...parcel,
  }));
  const lineItems = (seed.lineItems ?? []).map((line) => ({ ...line, orderId: seed.id }));
  await saveOrderSnapshots(prisma, shop, [{ order, fulfillments, lineItems }]);
  if (seed.email) {
    const locale = seed.locale === undefined ? "en" : seed.locale;
    await recordContactDetails(shop, { orderId: seed.id, email: seed.email, firstName: seed.firstName ?? null, locale });
  }
}

/** An update of an order already seeded (a later fulfilment event): a newer copy wins. */
export async function updateOrder(shop: string, seed: SeedOrder, at: Date): Promise<void> {
  await seedOrder(shop, seed, at);
}

export const DAY = 86_400_000;
export const days = (n: number) => n * DAY;
