/**
 * The order sync: copies a shop's orders into Aftercare's database, on install and on demand.
 * - Small and mid-sized shops: cursor pagination, paced by `extensions.cost` so it is never throttled,
 *   each page saved with its cursor in one transaction, so a crash resumes at the next page.
 * - Large shops (more than BULK_SYNC_THRESHOLD orders): one bulk export, streamed in.
 * - Without read_all_orders, only the last 60 days exist for the app: the sync asks for those and
 *   records it, so the dashboard can say so.
 */
import type { OrderSync } from "@prisma/client";
import prisma from "../db.server";
import { AdminApiError, type ResultOf } from "./admin-graphql";
import { RECENT_ORDERS_DAYS } from "../models/delivery/performance";
import { inOrderTransaction, saveLineItems, saveOrderSnapshots } from "../models/orders/snapshots.server";
import { recordContactDetailsMany, type ContactDetails } from "../models/orders/contact-details.server";
import { batchBulkOrders, readJsonLines } from "./bulk-jsonl";
import { BulkOperationError, openBulkResult, startBulkQuery, waitForBulkOperation } from "./bulk-operation.server";
import { ORDER_COUNT_QUERY, ORDER_SYNC_PAGE_QUERY, bulkOrdersQuery, contactFromNode, snapshotFromNode } from "./order-query";
import { systemClock, type Clock, type PacedAdmin } from "./paced-admin";
import { pageSizeWithinBudget, type QueryCost } from "./throttle";

/** Above this many orders, a bulk export is cheaper and faster than pages. */
export const BULK_SYNC_THRESHOLD = 10_000;
/** The first page is small: its reported cost sizes the pages after it. */
export const FIRST_PAGE_SIZE = 10;
export const BULK_IMPORT_BATCH = 250;
const CONNECTION_BASE_COST = 2;
const DAY = 86_400_000;

export type OrderSyncState = "idle" | "running" | "completed" | "failed";

export interface OrderSyncOptions {
  shop: string;
  admin: PacedAdmin;
  /** Scopes the shop granted (the offline session's scope). */
  grantedScopes: readonly string[];
  clock?: Clock;
  bulkThreshold?: number;
  /** Called once the sync is recorded as running (the dashboard shows it from then on). */
  onBegun?: () => void;
}

/** Shopify search syntax for the orders the app may read: all, or the last 60 days. */
export function orderSearchQuery(grantedScopes: readonly string[], now: Date): string | null {
  if (grantedScopes.includes("read_all_orders")) return null;
  const since = new Date(now.getTime() - RECENT_ORDERS_DAYS * DAY);
  return `created_at:>=${since.toISOString()}`;
}

/**
 * Marks a sync as running. An unfinished one (running when the process died, or failed) keeps its
 * cursor or bulk operation so it resumes; a finished one starts over.
 */
export async function beginOrderSync(shop: string, grantedScopes: readonly string[], now: Date): Promise<OrderSync> {
  const current = await prisma.orderSync.findUnique({ where: { shop } });
  const resumable = current && (current.state === "running" || current.state === "failed") && (current.cursor || current.bulkOperationId);
  if (resumable) {
    return prisma.orderSync.update({ where: { shop }, data: { state: "running", lastError: null, finishedAt: null } });
  }
  const fresh = {
    state: "running",
    method: "pages",
    cursor: null,
    bulkOperationId: null,
    searchQuery: orderSearchQuery(grantedScopes, now),
    historyLimited: !grantedScopes.includes("read_all_orders"),
    customerDataDenied: false,
    ordersSynced: 0,
    ordersTotal: null,
    requestedCost: 0,
    actualCost: 0,
    throttleWaitMs: 0,
    lastError: null,
    startedAt: now,
    finishedAt: null,
  };
  return prisma.orderSync.upsert({ where: { shop }, create: { shop, ...fresh }, update: fresh });
}

/** How many orders the sync will read, or null when Shopify cannot say (the sync then runs by pages). */
async function countOrders(admin: PacedAdmin, searchQuery: string | null): Promise<{ total: number | null; cost: QueryCost | null }> {
  try {
    const { data, cost } = await admin.query<ResultOf<typeof ORDER_COUNT_QUERY>>(ORDER_COUNT_QUERY, { query: searchQuery }, 1);
    return { total: data.ordersCount?.count ?? null, cost };
  } catch (error) {
    if (error instanceof AdminApiError) return { total: null, cost: null };
    throw error;
  }
}

function costUpdate(cost: QueryCost | null) {
  return {
    requestedCost: { increment: cost?.requestedQueryCost ?? 0 },
    actualCost: { increment: cost?.actualQueryCost ?? 0 },
  };
}

/**
 * Whether Shopify withheld the customer or the shipping address as a whole (no protected customer data
 * access at all). A refused email or first name alone (level 1 without those kinds of data) leaves the
 * customer id and the destination readable.
 */
export function customerObjectDenied(deniedPaths: readonly string[]): boolean {
  return deniedPaths.some((path) => /(^|\.)(customer|shippingAddress)$/.test(path));
}

/** Stores the shoppers' emails the sync read (normalized), in the transaction that saves their orders. */
async function saveContacts(db: Parameters<Parameters<typeof inOrderTransaction>[0]>[0], shop: string, contacts: readonly ContactDetails[], now: Date) {
  await recordContactDetailsMany(shop, contacts, now, db);
}

async function syncPages(sync: OrderSync, options: OrderSyncOptions, clock: Clock): Promise<void> {
  const { shop, admin } = options;
  let cursor = sync.cursor;
  let pageSize = FIRST_PAGE_SIZE;
  let expectedCost: number | undefined;
  for (;;) {
    const waitedBefore = admin.stats.waitedMs;
    const { data, cost, deniedPaths } = await admin.query<ResultOf<typeof ORDER_SYNC_PAGE_QUERY>>(
      ORDER_SYNC_PAGE_QUERY,
      { first: pageSize, after: cursor, query: sync.searchQuery },
      expectedCost,
    );
    const { nodes, pageInfo } = data.orders;
    const snapshots = nodes.flatMap((node) => (node ? [snapshotFromNode(node)] : []));
    const contacts = nodes.flatMap((node) => (node ? [contactFromNode(node)].filter((contact) => contact !== null) : []));
    const nextCursor = pageInfo.endCursor ?? cursor;
    await inOrderTransaction(async (db) => {
      await saveOrderSnapshots(db, shop, snapshots);
      await saveContacts(db, shop, contacts, new Date(clock.now()));
      await db.orderSync.update({
        where: { shop },
        data: {
          cursor: nextCursor,
          ordersSynced: { increment: snapshots.length },
          throttleWaitMs: { increment: admin.stats.waitedMs - waitedBefore },
          ...(customerObjectDenied(deniedPaths) && { customerDataDenied: true }),
          ...costUpdate(cost),
        },
      });
    });
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return;
    cursor = pageInfo.endCursor;
    if (cost) {
      const costPerItem = Math.max(1, (cost.requestedQueryCost - CONNECTION_BASE_COST) / pageSize);
      pageSize = pageSizeWithinBudget({
        costPerItem,
        fixedCost: CONNECTION_BASE_COST,
        maximumAvailable: cost.throttleStatus.maximumAvailable,
      });
      expectedCost = Math.ceil(CONNECTION_BASE_COST + costPerItem * pageSize);
    }
  }
}

async function syncBulk(sync: OrderSync, options: OrderSyncOptions, clock: Clock): Promise<void> {
  const { shop, admin } = options;
  const costBefore = { requested: admin.stats.requestedCost, actual: admin.stats.actualCost };
  let operationId = sync.bulkOperationId;
  if (!operationId) {
    operationId = await startBulkQuery(admin, bulkOrdersQuery(sync.searchQuery));
    await prisma.orderSync.update({ where: { shop }, data: { bulkOperationId: operationId } });
  }
  let finished;
  try {
    finished = await waitForBulkOperation(admin, operationId, clock);
  } catch (error) {
    // A finished-but-failed export cannot be resumed: the next run starts a new one.
    if (error instanceof BulkOperationError) await prisma.orderSync.update({ where: { shop }, data: { bulkOperationId: null } });
    throw error;
  }
  if (finished.url) {
    const lines = readJsonLines(await openBulkResult(finished.url));
    for await (const batch of batchBulkOrders(lines, BULK_IMPORT_BATCH)) {
      await inOrderTransaction(async (db) => {
        await saveOrderSnapshots(db, shop, batch.orders);
        await saveLineItems(db, shop, batch.lineItems);
        await saveContacts(db, shop, batch.contacts, new Date(clock.now()));
        await db.orderSync.update({ where: { shop }, data: { ordersSynced: { increment: batch.orders.length } } });
      });
    }
  }
  await prisma.orderSync.update({
    where: { shop },
    data: {
      requestedCost: { increment: admin.stats.requestedCost - costBefore.requested },
      actualCost: { increment: admin.stats.actualCost - costBefore.actual },
    },
  });
}

/**
 * Runs (or resumes) the shop's order sync to the end. Failures are recorded on the sync (the
 * dashboard shows them) and thrown; the saved cursor lets the next run continue from there.
 */
export async function runOrderSync(options: OrderSyncOptions): Promise<OrderSync> {
  const clock = options.clock ?? systemClock;
  const { shop, admin } = options;
  let sync = await beginOrderSync(shop, options.grantedScopes, new Date(clock.now()));
  options.onBegun?.();
  try {
    if (sync.method === "pages" && !sync.cursor && !sync.bulkOperationId) {
      const { total, cost } = await countOrders(admin, sync.searchQuery);
      const method = total !== null && total > (options.bulkThreshold ?? BULK_SYNC_THRESHOLD) ? "bulk" : "pages";
      sync = await prisma.orderSync.update({ where: { shop }, data: { ordersTotal: total, method, ...costUpdate(cost) } });
    }
    if (sync.method === "bulk") await syncBulk(sync, options, clock);
    else await syncPages(sync, options, clock);
    return await prisma.orderSync.update({
      where: { shop },
      data: { state: "completed", cursor: null, bulkOperationId: null, finishedAt: new Date(clock.now()) },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await prisma.orderSync.update({ where: { shop }, data: { state: "failed", lastError: message } });
    throw error;
  }
}

export interface OrderSyncProgress {
  state: OrderSyncState;
  method: "pages" | "bulk";
  ordersSynced: number;
  ordersTotal: number | null;
  /** 0..1 when the total is known. */
  fraction: number | null;
  historyLimited: boolean;
  customerDataDenied: boolean;
  lastError: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/**
 * Without an order count, progress is estimated from time covered: pages come oldest first, so the
 * newest order read so far shows how much of the shop's history is done.
 */
async function coveredFraction(shop: string, sync: OrderSync): Promise<number | null> {
  if (sync.state !== "running" || !sync.startedAt) return null;
  const span = await prisma.order.aggregate({
    where: { shop, syncedAt: { gte: sync.startedAt } },
    _min: { createdAt: true },
    _max: { createdAt: true },
  });
  const first = span._min.createdAt?.getTime();
  const last = span._max.createdAt?.getTime();
  if (first === undefined || last === undefined) return 0;
  const whole = sync.startedAt.getTime() - first;
  return whole > 0 ? Math.min(1, Math.max(0, (last - first) / whole)) : null;
}

export async function getOrderSyncProgress(shop: string): Promise<OrderSyncProgress> {
  const sync = await prisma.orderSync.findUnique({ where: { shop } });
  if (!sync) {
    return {
      state: "idle",
      method: "pages",
      ordersSynced: 0,
      ordersTotal: null,
      fraction: null,
      historyLimited: false,
      customerDataDenied: false,
      lastError: null,
      startedAt: null,
      finishedAt: null,
    };
  }
  const total = sync.ordersTotal;
  const fraction =
    sync.state === "completed" ? 1 : total ? Math.min(1, sync.ordersSynced / total) : await coveredFraction(shop, sync);
  return {
    state: sync.state as OrderSyncState,
    method: sync.method === "bulk" ? "bulk" : "pages",
    ordersSynced: sync.ordersSynced,
    ordersTotal: total,
    fraction,
    historyLimited: sync.historyLimited,
    customerDataDenied: sync.customerDataDenied,
    lastError: sync.lastError,
    startedAt: sync.startedAt?.toISOString() ?? null,
    finishedAt: sync.finishedAt?.toISOString() ?? null,
  };
}
