import prisma from "../../db.server";
import { queryAdmin, type AdminGraphql } from "../../shopify/admin-graphql";
import type { LoyaltySettingsInput } from "./loyalty";

export interface LoyaltySettings extends LoyaltySettingsInput {
  /** When the thank-you was switched on: first orders whose anniversary came before are left out. */
  enabledAt: Date | null;
}

export async function getLoyaltySettings(shop: string): Promise<LoyaltySettings> {
  const row = await prisma.loyaltySettings.findUnique({ where: { shop } });
  if (!row) return { enabled: false, discountPercent: null, discountDays: 30, enabledAt: null };
  return { enabled: row.enabled, discountPercent: row.discountPercent, discountDays: row.discountDays, enabledAt: row.enabledAt };
}

export async function saveLoyaltySettings(shop: string, input: LoyaltySettingsInput, now = new Date()): Promise<void> {
  const current = await getLoyaltySettings(shop);
  const enabledAt = input.enabled ? (current.enabled && current.enabledAt ? current.enabledAt : now) : current.enabledAt;
  await prisma.loyaltySettings.upsert({ where: { shop }, create: { shop, ...input, enabledAt }, update: { ...input, enabledAt } });
}

export const ANNIVERSARY_DISCOUNT_CREATE = `#graphql
  mutation AnniversaryDiscountCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
      codeDiscountNode {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`;

export class DiscountCreateError extends Error {
  constructor(readonly userErrors: Array<{ field: string[] | null; code: string | null; message: string }>) {
    super(`Shopify refused the discount: ${userErrors.map((error) => error.message).join("; ") || "no discount returned"}`);
    this.name = "DiscountCreateError";
  }
}

export interface AnniversaryDiscount {
  code: string;
  percent: number;
  customerId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
}

/**
 * Creates a one-use code for one customer (needs the write_discounts scope). A code that already
 * exists (an earlier run created it) counts as created: the code is deterministic per customer.
 */
export async function createAnniversaryDiscount(graphql: AdminGraphql, discount: AnniversaryDiscount): Promise<{ created: boolean }> {
  const data = await queryAdmin(graphql, ANNIVERSARY_DISCOUNT_CREATE, {
    basicCodeDiscount: {
      title: discount.title,
      code: discount.code,
      startsAt: discount.startsAt.toISOString(),
      endsAt: discount.endsAt.toISOString(),
      context: { customers: { add: [discount.customerId] } },
      customerGets: { value: { percentage: discount.percent / 100 }, items: { all: true } },
      appliesOncePerCustomer: true,
      usageLimit: 1,
    },
  });
  const payload = data.discountCodeBasicCreate;
  const errors = payload?.userErrors ?? [];
  if (errors.length > 0 && errors.every((error) => error.code === "TAKEN")) return { created: false };
  if (errors.length > 0 || !payload?.codeDiscountNode) throw new DiscountCreateError(errors);
  return { created: true };
}
