import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { TEST_SHOP } from "./test-env";

/** Stores an offline session, as the app holds after install (token exchange), for a shop. */
export async function storeOfflineSession(options: { shop?: string; accessToken: string; scope?: string }): Promise<Session> {
  const { getPrisma } = await import("../../app/db.server");
  const shop = options.shop ?? TEST_SHOP;
  const session = new Session({
    id: `offline_${shop}`,
    shop,
    state: "installed",
    isOnline: false,
    scope: options.scope ?? process.env.SCOPES ?? "read_orders",
    accessToken: options.accessToken,
  });
  // The app's own storage, so a session the app has read before is replaced in its cache too.
  const { CachedSessionStorage } = await import("../../app/shopify/cached-session-storage.server");
  const storage = new CachedSessionStorage(new PrismaSessionStorage(getPrisma()));
  await storage.storeSession(session);
  return session;
}
