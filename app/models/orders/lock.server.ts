import { Prisma } from "@prisma/client";
import { databaseEngine } from "../../db.server";

/**
 * Serialises writers of the same orders across app instances, until the caller's transaction ends.
 *
 * Order writes read the stored copy and keep whichever is newer (webhooks arrive out of order). Two
 * instances doing that for one order at once could each read "nothing newer stored" and the older copy
 * could land last, and an order may not exist yet, so there is no row to lock. PostgreSQL's
 * transaction-scoped advisory locks, keyed by shop and order id and taken in a fixed order (no deadlock
 * between two pages of a sync), close that gap. SQLite runs one writer at a time: nothing to do there.
 */
export async function lockOrdersForWrite(db: Prisma.TransactionClient, shop: string, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0 || databaseEngine() !== "postgresql") return;
  const keys = [...new Set(orderIds)].sort().map((id) => Prisma.sql`(${`${shop}\n${id}`})`);
  await db.$executeRaw`
    SELECT pg_advisory_xact_lock("lockKey")
    FROM (SELECT hashtextextended("key", 0) AS "lockKey" FROM (VALUES ${Prisma.join(keys)}) AS "keys"("key") ORDER BY "key") AS "ordered"`;
}
