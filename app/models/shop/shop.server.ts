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
