/** What the order sync tests share: a virtual clock, a fake shop wired to the app's network, a sync run. */
import { createFakeAdmin, type FakeAdmin, type FakeAdminOptions } from "../support/fake-admin/server";
import { createFakeAdminWithBulk, type BulkOptions, type FakeAdminWithBulk } from "../support/fake-admin/bulk-operations";
import { createSeedShop } from "../support/fake-admin/seed";
import { routeShop } from "../support/shopify-network";
import { TEST_SHOP } from "../support/test-env";
import type { SeedOptions } from "../support/fake-admin/types";
import { createOfflineTransport } from "../../app/shopify/offline-admin.server";
import { createPacedAdmin, type PacedAdmin } from "../../app/shopify/paced-admin";
import type { AdminTransport } from "../../app/shopify/admin-transport";

/** A clock whose `sleep` advances time at once; the fake's cost bucket refills by the same clock. */
export interface VirtualClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  readonly slept: number;
}

export function createVirtualClock(start: number): VirtualClock {
  let now = start;
  let slept = 0;
  return {
    now: () => now,
    async sleep(ms) {
      now += ms;
      slept += ms;
    },
    get slept() {
      return slept;
    },
  };
}

export const ACCESS_TOKEN = "shpat_order_sync";

export interface SyncHarness<Fake extends FakeAdmin = FakeAdmin> {
  fake: Fake;
  clock: VirtualClock;
  /** A fresh paced client, as a new process would have (optionally wrapping the transport). */
  admin(wrap?: (transport: AdminTransport) => AdminTransport): PacedAdmin;
  /** The recorded OrderSyncPage requests, in order. */
  pageRequests(): FakeAdmin["requests"];
}

type HarnessOptions = { seed?: SeedOptions; fake?: Omit<FakeAdminOptions, "shop" | "clock" | "accessToken"> };

export function createSyncHarness(options?: HarnessOptions): SyncHarness;
export function createSyncHarness(options: HarnessOptions & { bulk: BulkOptions }): SyncHarness<FakeAdminWithBulk>;
export function createSyncHarness(options: HarnessOptions & { bulk?: BulkOptions } = {}): SyncHarness<FakeAdmin> {
  const seed = createSeedShop({ domain: TEST_SHOP, ...options.seed });
  const clock = createVirtualClock(Date.parse(seed.now));
  const fakeOptions: FakeAdminOptions = { shop: seed, accessToken: ACCESS_TOKEN, clock: clock.now, ...options.fake };
  const fake = options.bulk ? createFakeAdminWithBulk(fakeOptions, options.bulk) : createFakeAdmin(fakeOptions);
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  return {
    fake,
    clock,
    admin(wrap = (transport) => transport) {
      const transport = createOfflineTransport({ shop: TEST_SHOP, accessToken: ACCESS_TOKEN, apiVersion: "2026-07" });
      return createPacedAdmin(wrap(transport), clock);
    },
    pageRequests: () => fake.requests.filter((request) => request.operationName === "OrderSyncPage"),
  };
}

/** Empties Aftercare's order tables and the dashboard's aggregates (each test starts from a shop that never synced). */
export async function forgetOrders(): Promise<void> {
  const { default: prisma } = await import("../../app/db.server");
  await prisma.$transaction([
    prisma.order.deleteMany(),
    prisma.orderFulfillment.deleteMany(),
    prisma.orderLineItem.deleteMany(),
    prisma.orderSync.deleteMany(),
    prisma.deliveryStatusCount.deleteMany(),
    prisma.deliveryDurationHistogram.deleteMany(),
  ]);
}
