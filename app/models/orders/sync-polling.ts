/**
 * When the admin home asks again how the order sync is doing, and when the dashboard's figures must be
 * reloaded. The sync's states are those of `OrderSyncState` (app/shopify/order-sync.server.ts).
 */
import type { OrderSyncState } from "../../shopify/order-sync.server";

/** While a sync runs, its progress is asked for this often. */
export const SYNC_POLL_MS = 2_000;

export interface SyncPollInput {
  state: OrderSyncState;
  /** The merchant asked for a sync and the request has not answered yet: the sync is queued. */
  starting: boolean;
}

/** A running or queued sync is worth asking about again; an idle, finished or failed one is not. */
export function shouldPollSync({ state, starting }: SyncPollInput): boolean {
  return starting || state === "running";
}

/** The sync was running and no longer is: the dashboard's figures changed and are reloaded once. */
export function syncJustEnded(before: OrderSyncState, after: OrderSyncState): boolean {
  return before === "running" && after !== "running";
}
