/**
 * Bulk export of a shop's orders: bulkOperationRunQuery starts it, `bulkOperation(id:)` is polled until
 * Shopify has written the JSONL file, and the file is streamed in (bulk-jsonl.ts). The whole export
 * costs a few query points, however many orders the shop has.
 */
import { AdminApiError, type ResultOf } from "./admin-graphql";
import type { PacedAdmin } from "./paced-admin";
import type { Clock } from "./paced-admin";

export const BULK_POLL_INTERVAL_MS = 2_000;
/** Shopify keeps polling cheap; a 1-point query every interval is well within any plan's refill. */
const STATUS_QUERY_COST = 1;

export const START_ORDER_EXPORT_MUTATION = `#graphql
  mutation OrderExportStart($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: false) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const ORDER_EXPORT_STATUS_QUERY = `#graphql
  query OrderExportStatus($id: ID!) {
    bulkOperation(id: $id) {
      id
      status
      errorCode
      objectCount
      rootObjectCount
      url
      partialDataUrl
    }
  }
`;

export type BulkOperationStatus = BulkOperationState["status"];

export type BulkOperationState = NonNullable<ResultOf<typeof ORDER_EXPORT_STATUS_QUERY>["bulkOperation"]>;

export class BulkOperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BulkOperationError";
  }
}

/** Starts the export and returns its id; Shopify's refusal (e.g. one already running) is thrown. */
export async function startBulkQuery(admin: PacedAdmin, query: string): Promise<string> {
  const { data } = await admin.query<ResultOf<typeof START_ORDER_EXPORT_MUTATION>>(START_ORDER_EXPORT_MUTATION, { query }, 10);
  const payload = data.bulkOperationRunQuery;
  const problems = payload?.userErrors ?? [];
  if (problems.length > 0 || !payload?.bulkOperation) {
    throw new BulkOperationError(`Shopify refused the bulk export: ${problems.map((error) => error.message).join("; ") || "no operation returned"}`);
  }
  return payload.bulkOperation.id;
}

const FINISHED: ReadonlySet<BulkOperationStatus> = new Set(["COMPLETED", "CANCELED", "FAILED", "EXPIRED"]);

/**
 * Polls until the operation finishes; `onProgress` hears each status. Returns the finished state;
 * an export that failed, was cancelled or expired is thrown.
 */
export async function waitForBulkOperation(
  admin: PacedAdmin,
  id: string,
  clock: Clock,
  onProgress: (state: BulkOperationState) => Promise<void> = async () => {},
): Promise<BulkOperationState> {
  for (;;) {
    const { data } = await admin.query<ResultOf<typeof ORDER_EXPORT_STATUS_QUERY>>(ORDER_EXPORT_STATUS_QUERY, { id }, STATUS_QUERY_COST);
    const state = data.bulkOperation;
    if (!state) throw new AdminApiError(`Bulk operation ${id} does not exist`);
    await onProgress(state);
    if (state.status === "COMPLETED") return state;
    if (FINISHED.has(state.status)) {
      throw new BulkOperationError(`The bulk export ended ${state.status}${state.errorCode ? ` (${state.errorCode})` : ""}`);
    }
    await clock.sleep(BULK_POLL_INTERVAL_MS);
  }
}

/** The result file's body as a stream of chunks (never read whole). */
export async function openBulkResult(url: string): Promise<AsyncIterable<Uint8Array>> {
  const response = await globalThis.fetch(url);
  if (!response.ok || !response.body) {
    throw new BulkOperationError(`The bulk export's result could not be downloaded (HTTP ${response.status})`);
  }
  return response.body as unknown as AsyncIterable<Uint8Array>;
}
