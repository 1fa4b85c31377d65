/**
 * The dashboard's "delivery promise kept" figures: per shipping zone, how many delivered orders arrived
 * before, inside or after the range the shopper was shown at purchase, over the last PROMISE_KEPT_DAYS.
 */
import { getPromiseKept } from "../delays/delay.server";
import type { PromiseKeptRow } from "../delays/delay";
import { getShippingSettings } from "../shipping/settings.server";
import prisma from "../../db.server";
import { promiseKeptEmptyReason, type PromiseKeptEmptyReason } from "./promise-kept";

export const PROMISE_KEPT_DAYS = 90;

export interface PromiseKeptZone extends PromiseKeptRow {
  /** The zone's current name; null when the promise had no zone or the zone was removed since. */
  zoneName: string | null;
}

export interface PromiseKeptView {
  days: number;
  zones: PromiseKeptZone[];
  /** Why there is nothing to show (null when there is). */
  emptyReason: PromiseKeptEmptyReason | null;
  /** Orders placed with a recorded promise in the window (those still on their way, when none is delivered). */
  promised: number;
  /** When the shipping calendar was last published, or null. */
  calendarPublishedAt: string | null;
}

export async function getPromiseKeptView(shop: string, now: Date): Promise<PromiseKeptView> {
  const since = new Date(now.getTime() - PROMISE_KEPT_DAYS * 86_400_000);
  const [rows, settings, promised] = await Promise.all([
    getPromiseKept(shop, since, now),
    getShippingSettings(shop),
    prisma.deliveryPromise.count({ where: { shop, recordedAt: { gte: since, lt: now } } }),
  ]);
  const names = new Map((settings?.rules.zones ?? []).map((zone) => [zone.id, zone.name]));
  const delivered = rows.reduce((sum, row) => sum + row.delivered, 0);
  const calendarPublishedAt = settings?.publishedAt ?? null;
  return {
    days: PROMISE_KEPT_DAYS,
    zones: rows.map((row) => ({ ...row, zoneName: row.zoneId ? (names.get(row.zoneId) ?? null) : null })),
    emptyReason: promiseKeptEmptyReason({ delivered, promised, calendarPublished: calendarPublishedAt !== null }),
    promised,
    calendarPublishedAt: calendarPublishedAt?.toISOString() ?? null,
  };
}
