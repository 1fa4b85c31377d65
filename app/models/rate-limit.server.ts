import { Prisma, type PrismaClient } from "@prisma/client";
import prisma from "../db.server";
import { inRounds } from "../statement-rounds.server";

/**
 * Fixed-window rate limits counted in the database, so every app instance behind a load balancer sees
 * the same counts. Each call counts one hit for every rule given and answers whether all of them still
 * allow it. Shared by the storefront endpoints (order check, order status, reviews).
 *
 * A hit is counted even when it is refused, so a client that keeps hammering stays blocked until the
 * window ends instead of getting a fresh allowance on every retry.
 */

export interface RateLimitRule {
  /** What is limited and for whom: "returns:ip:<shop>:<ip>". Keep it under a few hundred characters. */
  key: string;
  /** Hits allowed per window. */
  limit: number;
  /** Window length in milliseconds (at least one second). */
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until every exceeded window has ended (0 when allowed): the Retry-After value. */
  retryAfterSeconds: number;
  /** Keys whose limit this hit went over. */
  exceeded: string[];
}

type RawClient = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

/** One (key, window) counter a hit adds to. */
interface Counter {
  id: string;
  key: string;
  window: number;
  expiresAt: number;
}

/** Counts one hit against every rule; allowed only when no rule's window has gone over its limit. */
export async function hitRateLimits(
  rules: readonly RateLimitRule[],
  now: Date = new Date(),
  db: RawClient = prisma,
): Promise<RateLimitDecision> {
  const exceeded: string[] = [];
  let retryAfterMs = 0;
  const windows = rules.map((rule) => {
    assertRule(rule);
    const window = Math.floor(now.getTime() / rule.windowMs);
    const windowEndMs = (window + 1) * rule.windowMs;
    return { rule, window, windowEndMs, expiresAt: Math.ceil(windowEndMs / 1000), id: `${rule.key}\n${window}` };
  });
  // One hit per (key, window), however many rules name it.
  const counters = [...new Map(windows.map(({ id, rule, window, expiresAt }) => [id, { id, key: rule.key, window, expiresAt }])).values()];
  if (counters.length === 0) return { allowed: true, retryAfterSeconds: 0, exceeded };
  const counts = await countHit(db, counters);
  for (const { rule, windowEndMs, id } of windows) {
    if ((counts.get(id) ?? 0) > rule.limit) {
      exceeded.push(rule.key);
      retryAfterMs = Math.max(retryAfterMs, windowEndMs - now.getTime());
    }
  }
  return { allowed: exceeded.length === 0, retryAfterSeconds: Math.ceil(retryAfterMs / 1000), exceeded };
}

/** Hits at most per statement: 4 bound values per counter stay far below either engine's limit. */
const MAX_HITS_PER_STATEMENT = 200;
const runners = new WeakMap<RawClient, (counters: Counter[]) => Promise<Map<string, number>>>();

/**
 * Hits that arrive while this instance's previous counting statement runs share the next one (see
 * inRounds), so a burst of storefront requests costs one statement and one commit per round instead of
 * one each. Each hit still gets the count it would have got alone, in arrival order.
 */
function countHit(db: RawClient, counters: Counter[]): Promise<Map<string, number>> {
  let runner = runners.get(db);
  if (!runner) {
    runner = inRounds((hits: readonly Counter[][]) => countTogether(db, hits), MAX_HITS_PER_STATEMENT);
    runners.set(db, runner);
  }
  return runner(counters);
}

/** A counter that n hits of one statement add to ends at C: its i-th hit saw C - n + i. */
async function countTogether(db: RawClient, hits: readonly Counter[][]): Promise<Array<Map<string, number>>> {
  const added = new Map<string, Counter & { hits: number }>();
  for (const counters of hits) {
    for (const counter of counters) {
      const entry = added.get(counter.id);
      if (entry) entry.hits += 1;
      else added.set(counter.id, { ...counter, hits: 1 });
    }
  }
  // One statement for every counter, so concurrent hits from several instances never lose a count.
  const rows = await db.$queryRaw<Array<{ key: string; window: number | bigint; count: number | bigint }>>`
    INSERT INTO "RateLimitHit" ("key", "window", "count", "expiresAt")
    VALUES ${Prisma.join([...added.values()].map((entry) => Prisma.sql`(${entry.key}, ${entry.window}, ${entry.hits}, ${entry.expiresAt})`))}
    ON CONFLICT ("key", "window") DO UPDATE SET "count" = "RateLimitHit"."count" + excluded."count"
    RETURNING "key", "window", "count"`;
  const totals = new Map(rows.map((row) => [`${row.key}\n${Number(row.window)}`, Number(row.count)]));
  // Handed out in arrival order: the first hit on a counter saw the lowest count.
  const seen = new Map<string, number>();
  return hits.map((counters) => {
    const counts = new Map<string, number>();
    for (const counter of counters) {
      const before = seen.get(counter.id) ?? 0;
      seen.set(counter.id, before + 1);
      counts.set(counter.id, (totals.get(counter.id) ?? 0) - added.get(counter.id)!.hits + before + 1);
    }
    return counts;
  });
}

/** Deletes windows that have ended; returns how many rows went. Run it from a periodic job. */
export async function pruneRateLimits(now: Date = new Date(), db: RawClient = prisma): Promise<number> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return db.$executeRaw`DELETE FROM "RateLimitHit" WHERE "expiresAt" <= ${nowSeconds}`;
}

function assertRule(rule: RateLimitRule): void {
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new RangeError(`Rate limit for ${rule.key} must be a positive integer`);
  if (!Number.isInteger(rule.windowMs) || rule.windowMs < 1000) {
    throw new RangeError(`Rate limit window for ${rule.key} must be at least 1000 ms`);
  }
}

/**
 * The shopper's IP as the app proxy forwards it: the first address of X-Forwarded-For, else a hosting
 * platform's client-IP header. Null when none is present (callers then limit by shop alone).
 */
export function clientIpOf(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || request.headers.get("x-real-ip")?.trim() || request.headers.get("fly-client-ip")?.trim();
  return candidate && candidate.length <= 64 ? candidate : null;
}
