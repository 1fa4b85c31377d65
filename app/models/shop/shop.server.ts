/*
 * The shop folder: the shop itself rather than any one feature.
 * Pure core: time.ts (calendar arithmetic in the shop's time zone).
 * Server side: shop.server.ts (install record), time-zone.server.ts (the shop's zone),
 * privacy.server.ts (erasing a shop's or a customer's data).
 */
import prisma from "../../db.server";

/** Marks a shop as installed (or re-installed) with the scopes it granted. */
export async function recordInstall(domain: string, scopes: string): Promise<void> {
  await prisma.shop.upsert({
    where: { domain },
    create: { domain, scopes },
    update: { scopes, uninstalledAt: null },
  });
}

export async function getShop(domain: string) {
  return prisma.shop.findUnique({ where: { domain } });
}
