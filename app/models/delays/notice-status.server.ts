import prisma from "../../db.server";
import { DELAY_LOOKBACK_DAYS } from "./delay.server";
import { delayNoticeStates, type DelayNoticeState } from "./notice-status";

export type { DelayNoticeState } from "./notice-status";

/** For the dashboard's late and at-risk list: what each recent order's shopper was told about a delay. */
export async function getDelayNoticeStates(shop: string, now = new Date()): Promise<Record<string, DelayNoticeState>> {
  const rows = await prisma.outboxMessage.findMany({
    where: { shop, kind: "delay_notice", createdAt: { gte: new Date(now.getTime() - DELAY_LOOKBACK_DAYS * 86_400_000) } },
    select: { reference: true, status: true, sentAt: true },
  });
  return delayNoticeStates(rows);
}
