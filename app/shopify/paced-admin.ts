/**
 * Sends Admin GraphQL queries for long-running work without ever being throttled at the plan's refill
 * rate: before each query it waits until the bucket (as last reported in `extensions.cost`) holds the
 * query's expected cost. Should Shopify still answer THROTTLED (another app shares the bucket), it
 * waits for the refill and sends the same query again. Transient failures are retried with back-off a
 * bounded number of times; any other error is thrown at once, never looped on.
 */
import { AdminApiError, type GraphqlErrorDetail } from "./admin-graphql";
import { AdminTransportError, type AdminTransport } from "./admin-transport";
import { retryDelay, waitBeforeQuery, type QueryCost, type ThrottleStatus } from "./throttle";

export const MAX_TRANSIENT_ATTEMPTS = 4;
export const MAX_THROTTLED_RETRIES = 8;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface PacedResult<T> {
  data: T;
  cost: QueryCost | null;
  /** Paths of fields Shopify refused for protected customer data (they came back null). */
  deniedPaths: string[];
}

export interface PacingStats {
  queries: number;
  requestedCost: number;
  actualCost: number;
  throttled: number;
  retries: number;
  waitedMs: number;
}

export interface PacedAdmin {
  query<T>(query: string, variables?: Record<string, unknown>, expectedCost?: number): Promise<PacedResult<T>>;
  readonly stats: Readonly<PacingStats>;
  readonly lastStatus: ThrottleStatus | null;
}

const isThrottled = (errors: GraphqlErrorDetail[]) => errors.some((error) => error.extensions?.code === "THROTTLED");
const isAccessDenied = (error: GraphqlErrorDetail) => error.extensions?.code === "ACCESS_DENIED";
const pathOf = (error: GraphqlErrorDetail & { path?: unknown }) =>
  Array.isArray(error.path) ? error.path.filter((part) => typeof part === "string").join(".") : "";

export function createPacedAdmin(transport: AdminTransport, clock: Clock = systemClock): PacedAdmin {
  const stats: PacingStats = { queries: 0, requestedCost: 0, actualCost: 0, throttled: 0, retries: 0, waitedMs: 0 };
  let last: { status: ThrottleStatus; at: number } | null = null;

  const wait = async (ms: number) => {
    if (ms <= 0) return;
    stats.waitedMs += ms;
    await clock.sleep(ms);
  };

  const record = (cost: QueryCost | null) => {
    if (!cost) return;
    last = { status: cost.throttleStatus, at: clock.now() };
    stats.requestedCost += cost.requestedQueryCost;
    stats.actualCost += cost.actualQueryCost ?? 0;
  };

  async function query<T>(document: string, variables?: Record<string, unknown>, expectedCost?: number): Promise<PacedResult<T>> {
    let transientFailures = 0;
    let throttledRetries = 0;
    let cost = expectedCost;
    for (;;) {
      if (last && cost !== undefined) await wait(waitBeforeQuery(last.status, clock.now() - last.at, cost));
      let result;
      try {
        stats.queries += 1;
        result = await transport<T>(document, variables);
      } catch (error) {
        if (!(error instanceof AdminTransportError) || !error.transient) throw error;
        transientFailures += 1;
        if (transientFailures >= MAX_TRANSIENT_ATTEMPTS) throw error;
        stats.retries += 1;
        await wait(retryDelay(transientFailures));
        continue;
      }
      record(result.cost);
      if (isThrottled(result.errors)) {
        stats.throttled += 1;
        throttledRetries += 1;
        if (throttledRetries > MAX_THROTTLED_RETRIES) throw new AdminApiError("Admin API kept answering THROTTLED", result.errors);
        cost = result.cost?.requestedQueryCost ?? cost;
        // Without a cost report, wait as for a transient failure.
        if (!result.cost || cost === undefined) await wait(retryDelay(throttledRetries));
        continue;
      }
      const fatal = result.errors.filter((error) => !isAccessDenied(error));
      if (fatal.length > 0 || !result.data) {
        const errors = fatal.length > 0 ? fatal : result.errors;
        throw new AdminApiError(errors.map((error) => error.message).join("; ") || "Admin API returned no data", errors);
      }
      return { data: result.data, cost: result.cost, deniedPaths: result.errors.map(pathOf) };
    }
  }

  return {
    query,
    stats,
    get lastStatus() {
      return last?.status ?? null;
    },
  };
}
