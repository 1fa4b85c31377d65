/**
 * Monthly usage of the metered emails, counted from the outbox (a message enqueued this month is a
 * message sent this month: the outbox delivers everything it holds), and the gate the jobs pass each
 * metered email through. An email over the allowance is not enqueued: it stays due, and the job
 * picks it up again once the month turns or the shop upgrades.
 */
import prisma from "../../db.server";
import { getShopTimeZone } from "../shop/time-zone.server";
import { calendarMonthOf, isHoldingBack, remainingAllowance, usageOf, type MeteredUsage, type MonthWindow } from "./plan-limits";
import { getCachedShopPlan, getShopPlanForJob, recordHeldMessages, type PlanLookupOptions, type ShopPlanView } from "./plan.server";
import { METERED_KINDS, PLANS, type MeteredKind } from "./plans";

export async function getShopMonth(shop: string, now: Date): Promise<MonthWindow> {
  return calendarMonthOf(now, await getShopTimeZone(shop));
}

/** Metered emails enqueued in the month, by kind. */
export async function countMonthlyUsage(shop: string, month: MonthWindow): Promise<Record<MeteredKind, number>> {
  const rows = await prisma.outboxMessage.groupBy({
    by: ["kind"],
    where: { shop, kind: { in: [...METERED_KINDS] }, createdAt: { gte: month.start, lt: month.end } },
    _count: { _all: true },
  });
  const used: Record<MeteredKind, number> = { review_request: 0, survey: 0 };
  for (const row of rows) used[row.kind as MeteredKind] = row._count._all;
  return used;
}

export interface BillingOverview {
  plan: ShopPlanView;
  month: MonthWindow;
  usage: MeteredUsage[];
}

/** The plan, this month's usage against its limits and what waits, for the admin pages. */
export async function getBillingOverview(shop: string, plan: ShopPlanView, now = new Date()): Promise<BillingOverview> {
  const month = await getShopMonth(shop, now);
  const used = await countMonthlyUsage(shop, month);
  return { plan, month, usage: usageOf(PLANS[plan.plan].limits, used, plan.held) };
}

export interface PlanLimitNotice {
  /** The kinds whose allowance is used up with emails waiting (empty: no banner). */
  waiting: MeteredUsage[];
  nextMonthStarts: string;
}

/** What the limit banner needs, from the cached plan (no request to Shopify). */
export async function getPlanLimitNotice(shop: string, now = new Date()): Promise<PlanLimitNotice> {
  const overview = await getBillingOverview(shop, await getCachedShopPlan(shop), now);
  return { waiting: overview.usage.filter(isHoldingBack), nextMonthStarts: overview.month.nextMonthStarts };
}

/** A job's allowance for one kind of metered email during one run. */
export interface MonthlyAllowance {
  readonly plan: ShopPlanView;
  readonly month: MonthWindow;
  /** Takes one email's worth of allowance; false (and the email counted as held) when none is left. */
  take(): boolean;
  /** Records how many emails this run held back (shown on the home and plans pages). */
  close(): Promise<number>;
}

export async function openMonthlyAllowance(shop: string, kind: MeteredKind, options: PlanLookupOptions = {}): Promise<MonthlyAllowance> {
  const now = options.now ?? new Date();
  const plan = await getShopPlanForJob(shop, { ...options, now });
  const month = await getShopMonth(shop, now);
  const limit = PLANS[plan.plan].limits[kind];
  let remaining = limit === null ? Number.POSITIVE_INFINITY : remainingAllowance(limit, (await countMonthlyUsage(shop, month))[kind]);
  let held = 0;
  return {
    plan,
    month,
    take() {
      if (remaining <= 0) {
        held += 1;
        return false;
      }
      remaining -= 1;
      return true;
    },
    async close() {
      if (held > 0 || plan.held[kind] > 0) await recordHeldMessages(shop, kind, held);
      return held;
    },
  };
}
