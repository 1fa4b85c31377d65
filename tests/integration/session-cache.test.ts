import { Session } from "@shopify/shopify-api";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { sessionStorage } from "../../app/shopify.server";
import { forgetShopSessions, SESSION_CACHE_TTL_MS } from "../../app/shopify/cached-session-storage.server";
import { markUninstalled } from "../../app/models/shop/privacy.server";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";

/**
 * The app's session storage keeps sessions it read for a few seconds, so storefront requests and
 * webhooks do not each read the shop's session from the database; what changes through the app is
 * seen at once, what changes behind its back within the TTL.
 */

const ID = `offline_${TEST_SHOP}`;

beforeEach(async () => {
  await prisma.session.deleteMany();
  forgetShopSessions(TEST_SHOP);
});

describe("the app's session storage", () => {
  it("reads a shop's session from the database once, then from memory until the TTL has passed", async () => {
    await storeOfflineSession({ accessToken: "shpat_first" });
    expect((await sessionStorage.loadSession(ID))?.accessToken).toBe("shpat_first");
    // Another instance uninstalls the shop: this one answers from memory, then reads the database again.
    await prisma.session.deleteMany();
    expect((await sessionStorage.loadSession(ID))?.accessToken).toBe("shpat_first");
    await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_TTL_MS + 50));
    expect(await sessionStorage.loadSession(ID)).toBeUndefined();
  }, SESSION_CACHE_TTL_MS + 10_000);

  it("sees a new token stored through the app at once (a reinstall's token exchange)", async () => {
    await storeOfflineSession({ accessToken: "shpat_old" });
    expect((await sessionStorage.loadSession(ID))?.accessToken).toBe("shpat_old");
    await sessionStorage.storeSession(new Session({ id: ID, shop: TEST_SHOP, state: "s", isOnline: false, accessToken: "shpat_new", scope: "read_orders" }));
    expect((await sessionStorage.loadSession(ID))?.accessToken).toBe("shpat_new");
  });

  it("forgets a shop's sessions when app/uninstalled deletes them in its transaction", async () => {
    await storeOfflineSession({ accessToken: "shpat_installed" });
    expect(await sessionStorage.loadSession(ID)).toBeDefined();
    await prisma.$transaction((tx) => markUninstalled(tx, TEST_SHOP));
    expect(await sessionStorage.loadSession(ID)).toBeUndefined();
  });

  it("never remembers a missing session: a shop installed by another instance is seen at once", async () => {
    expect(await sessionStorage.loadSession(ID)).toBeUndefined();
    await prisma.session.create({ data: { id: ID, shop: TEST_SHOP, state: "installed", isOnline: false, accessToken: "shpat_elsewhere", scope: "read_orders" } });
    expect((await sessionStorage.loadSession(ID))?.accessToken).toBe("shpat_elsewhere");
  });
});
