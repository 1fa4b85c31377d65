/**
 * Pacing for Shopify's calculated query cost (leaky bucket): every query reserves its requested cost
 * from the bucket, the bucket refills at the plan's restore rate, and a query asking for more than is
 * available is answered THROTTLED. These functions decide how long to wait so that never happens.
 * Pure: the caller supplies the clock.
 */

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  /** Points restored per second. */
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  /** Null when the query was throttled (it did not run). */
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

/** Shopify refuses a single query that requests more than this, whatever the bucket holds. */
export const MAX_SINGLE_QUERY_COST = 1000;

/** Points in the bucket `elapsedMs` after `status` was reported. */
export function availableAfter(status: ThrottleStatus, elapsedMs: number): number {
  return Math.min(status.maximumAvailable, status.currentlyAvailable + (Math.max(0, elapsedMs) / 1000) * status.restoreRate);
}

/**
 * How long to wait before sending a query that requests `cost` points, given the last status Shopify
 * reported `elapsedMs` ago. Zero when the bucket already holds enough.
 */
export function waitBeforeQuery(status: ThrottleStatus, elapsedMs: number, cost: number): number {
  const needed = Math.min(cost, status.maximumAvailable) - availableAfter(status, elapsedMs);
  if (needed <= 0) return 0;
  return Math.ceil((needed / status.restoreRate) * 1000);
}

/**
 * The largest page whose requested cost fits one query and the bucket: `costPerItem` is what one
 * node adds to the query, `fixedCost` what the query costs with no node.
 */
export function pageSizeWithinBudget(options: {
  costPerItem: number;
  fixedCost: number;
  maximumAvailable: number;
  maxPageSize?: number;
}): number {
  const budget = Math.min(MAX_SINGLE_QUERY_COST, options.maximumAvailable) - options.fixedCost;
  const fits = Math.floor(budget / Math.max(1, options.costPerItem));
  return Math.max(1, Math.min(options.maxPageSize ?? 250, fits));
}

/** Exponential back-off for transient failures (5xx, timeouts): 0.5 s, 1 s, 2 s, ... capped at 30 s. */
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));
}
