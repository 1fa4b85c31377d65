/**
 * The delivery dashboard's aggregates, pure: what one stored order adds to them, the change between two
 * copies of an order, and exact nearest-rank percentiles read back from merged duration histograms.
 *
 * Two kinds are kept (prisma: DeliveryStatusCount, DeliveryDurationHistogram):
 * - orders per settled shipment status (delivered on time or late, failed, cancelled), spread over a few
 *   slots by order id so concurrent writers of one shop rarely wait for the same row. Open orders are
 *   not counted here: their state moves with the clock, so the dashboard classifies them when it loads;
 * - per week and destination country, how many orders took each number of minutes to fulfil and to
 *   deliver. Minutes are kept exactly, so percentiles equal the ones computed over the orders themselves.
 */

export const STATUS_SLOTS = 8;
/** Shipment statuses that no longer change with the clock: counted, never re-classified on load. */
export const SETTLED_STATUSES = ["delivered", "failed", "cancelled"] as const;
/** Shipment statuses whose delivery state depends on the moment: classified when the dashboard loads. */
export const OPEN_STATUSES = ["unfulfilled", "partially_fulfilled", "in_transit"] as const;
export type DurationMetric = "fulfil" | "deliver";

/** The fields of a stored order the aggregates read. */
export interface AggregatedOrder {
  id: string;
  shipmentStatus: string;
  deliveredLate: boolean;
  createdWeek: string;
  countryCode: string | null;
  fulfilmentMinutes: number | null;
  deliveryMinutes: number | null;
}

export interface StatusCountKey {
  shipmentStatus: string;
  deliveredLate: boolean;
  slot: number;
}

export interface HistogramKey {
  week: string;
  countryCode: string;
  metric: DurationMetric;
}

/** minutes -> orders */
export type Histogram = Map<number, number>;

/** Changes to apply to the stored aggregates, keyed so that applying them in key order never deadlocks. */
export interface AggregateDelta {
  statuses: Map<string, StatusCountKey & { orders: number }>;
  durations: Map<string, HistogramKey & { changes: Histogram }>;
}

export function emptyDelta(): AggregateDelta {
  return { statuses: new Map(), durations: new Map() };
}

/** A stable slot for an order (FNV-1a of its id). */
export function slotOf(orderId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < orderId.length; i += 1) {
    hash ^= orderId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % STATUS_SLOTS;
}

const isSettled = (status: string) => (SETTLED_STATUSES as readonly string[]).includes(status);

function addDuration(delta: AggregateDelta, key: HistogramKey, minutes: number, sign: number) {
  const id = `${key.week}\n${key.countryCode}\n${key.metric}`;
  const entry = delta.durations.get(id) ?? { ...key, changes: new Map<number, number>() };
  const orders = (entry.changes.get(minutes) ?? 0) + sign;
  if (orders === 0) entry.changes.delete(minutes);
  else entry.changes.set(minutes, orders);
  if (entry.changes.size === 0) delta.durations.delete(id);
  else delta.durations.set(id, entry);
}

/** Adds (sign 1) or removes (sign -1) one stored order's share of the aggregates. */
export function addOrder(delta: AggregateDelta, order: AggregatedOrder, sign: 1 | -1): void {
  if (isSettled(order.shipmentStatus)) {
    const key = { shipmentStatus: order.shipmentStatus, deliveredLate: order.deliveredLate, slot: slotOf(order.id) };
    const id = `${key.shipmentStatus}\n${key.deliveredLate}\n${key.slot}`;
    const orders = (delta.statuses.get(id)?.orders ?? 0) + sign;
    if (orders === 0) delta.statuses.delete(id);
    else delta.statuses.set(id, { ...key, orders });
  }
  const place = { week: order.createdWeek, countryCode: order.countryCode ?? "" };
  if (order.fulfilmentMinutes !== null) addDuration(delta, { ...place, metric: "fulfil" }, order.fulfilmentMinutes, sign);
  if (order.deliveryMinutes !== null) addDuration(delta, { ...place, metric: "deliver" }, order.deliveryMinutes, sign);
}

/** The change from one stored copy of an order (null: not stored yet) to the next. */
export function addOrderChange(delta: AggregateDelta, before: AggregatedOrder | null, after: AggregatedOrder): void {
  if (before) addOrder(delta, before, -1);
  addOrder(delta, after, 1);
}

export function isEmptyDelta(delta: AggregateDelta): boolean {
  return delta.statuses.size === 0 && delta.durations.size === 0;
}

/** Delta entries in a fixed order (every writer takes row locks in this order). */
export function sortedEntries<T>(entries: Map<string, T>): T[] {
  return [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
}

/** Reads a stored histogram: a JSON array [minutes, orders, ...], in any order (repeats add up). */
export function decodeHistogram(text: string, into: Histogram = new Map()): Histogram {
  const flat = JSON.parse(text) as number[];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const orders = (into.get(flat[i]) ?? 0) + flat[i + 1];
    if (orders === 0) into.delete(flat[i]);
    else into.set(flat[i], orders);
  }
  return into;
}

/** Writes a histogram sorted by minutes, without empty entries. */
export function encodeHistogram(histogram: Histogram): string {
  const flat: number[] = [];
  for (const minutes of [...histogram.keys()].sort((a, b) => a - b)) {
    const orders = histogram.get(minutes)!;
    if (orders !== 0) flat.push(minutes, orders);
  }
  return JSON.stringify(flat);
}

export interface HistogramPercentiles {
  orders: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** A histogram ready for rank questions: minutes ascending, and the orders up to each of them. */
export interface RankedHistogram {
  minutes: number[];
  cumulative: number[];
}

/** Reads a stored histogram for rank questions (pairs in any order; repeated minutes are fine). */
export function rankedHistogram(text: string): RankedHistogram {
  const flat = JSON.parse(text) as number[];
  const pairs: Array<[number, number]> = [];
  let sorted = true;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    if (flat[i + 1] === 0) continue;
    if (pairs.length && flat[i] < pairs[pairs.length - 1][0]) sorted = false;
    pairs.push([flat[i], flat[i + 1]]);
  }
  if (!sorted) pairs.sort((a, b) => a[0] - b[0]);
  const minutes: number[] = new Array(pairs.length);
  const cumulative: number[] = new Array(pairs.length);
  let seen = 0;
  for (let i = 0; i < pairs.length; i += 1) {
    minutes[i] = pairs[i][0];
    seen += pairs[i][1];
    cumulative[i] = seen;
  }
  return { minutes, cumulative };
}

/** Orders of one histogram that took at most `limit` minutes (binary search). */
function ordersAtMost(histogram: RankedHistogram, limit: number): number {
  let low = 0;
  let high = histogram.minutes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (histogram.minutes[middle] <= limit) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? 0 : histogram.cumulative[low - 1];
}

/**
 * Median and p90 by nearest rank over several histograms taken together (a week's countries, a
 * country's weeks): the smallest value v with (orders taking at most v) * 100 >= n * p. Integer
 * arithmetic, so it agrees with the SQL definition for every n; a binary search over minutes, so the
 * cost follows the number of histograms, not of orders.
 */
export function histogramPercentiles(histograms: readonly RankedHistogram[]): HistogramPercentiles {
  const parts = histograms.filter((histogram) => histogram.minutes.length > 0);
  const total = parts.reduce((sum, histogram) => sum + histogram.cumulative[histogram.cumulative.length - 1], 0);
  if (total === 0) return { orders: 0, medianMinutes: null, p90Minutes: null };
  const lowest = Math.min(...parts.map((histogram) => histogram.minutes[0]));
  const highest = Math.max(...parts.map((histogram) => histogram.minutes[histogram.minutes.length - 1]));
  const at = (percent: number): number => {
    let low = lowest;
    let high = highest;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const orders = parts.reduce((sum, histogram) => sum + ordersAtMost(histogram, middle), 0);
      if (orders * 100 >= total * percent) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  return { orders: total, medianMinutes: at(50), p90Minutes: at(90) };
}
