/**
 * Whether a late order's shopper has heard from the shop: the newest sent delay notice wins, then one
 * still waiting in the outbox, then one that failed. Pure: no I/O.
 */

export type DelayNoticeState = { state: "told"; sentAt: string } | { state: "queued" } | { state: "failed" };

export interface DelayNoticeRow {
  reference: string | null;
  status: string;
  sentAt: Date | null;
}

const rank = (notice: DelayNoticeState) => (notice.state === "told" ? 2 : notice.state === "queued" ? 1 : 0);

function stateOf(row: DelayNoticeRow): DelayNoticeState {
  if (row.status === "sent" && row.sentAt) return { state: "told", sentAt: row.sentAt.toISOString() };
  return row.status === "failed" ? { state: "failed" } : { state: "queued" };
}

/** Order id → what the shopper was told, for orders with at least one delay notice. */
export function delayNoticeStates(rows: readonly DelayNoticeRow[]): Record<string, DelayNoticeState> {
  const states: Record<string, DelayNoticeState> = {};
  for (const row of rows) {
    if (!row.reference) continue;
    const next = stateOf(row);
    const current = states[row.reference];
    const newer = current?.state === "told" && next.state === "told" && next.sentAt > current.sentAt;
    if (!current || rank(next) > rank(current) || newer) states[row.reference] = next;
  }
  return states;
}
