import type { Prisma } from "@prisma/client";
import prisma from "../../db.server";
import type { AdminGraphql } from "../../shopify/admin-graphql";
import { publishAppMetafields } from "../../shopify/app-metafields.server";
import { contactMetafieldValue, contactOptionsSchema, NO_CONTACT_OPTIONS, type ContactOptions } from "./options";

/** `db`: a transaction to read in (a webhook's), else the client. */
export async function getContactOptions(shop: string, db: Prisma.TransactionClient = prisma): Promise<ContactOptions> {
  const row = await db.contactOptions.findUnique({ where: { shop } });
  if (!row) return NO_CONTACT_OPTIONS;
  const parsed = contactOptionsSchema.safeParse(JSON.parse(row.optionsJson));
  return parsed.success ? parsed.data : NO_CONTACT_OPTIONS;
}

export async function saveContactOptions(shop: string, options: ContactOptions): Promise<void> {
  const optionsJson = JSON.stringify(options);
  await prisma.contactOptions.upsert({ where: { shop }, create: { shop, optionsJson }, update: { optionsJson } });
}

/** Publishes the channels as the app-owned metafield `aftercare.contact`, which the storefront snippet renders. */
export async function publishContactOptions(graphql: AdminGraphql, options: ContactOptions): Promise<void> {
  await publishAppMetafields(graphql, [{ namespace: "aftercare", key: "contact", type: "json", value: JSON.stringify(contactMetafieldValue(options)) }]);
}
