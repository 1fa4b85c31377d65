/**
 * Reading a bulk operation's result: a JSONL file (one JSON object a line) that can run to gigabytes,
 * so it is read as a stream, a line at a time, never loaded whole. Nested connections come as their
 * own lines carrying `__parentId`; in Aftercare's order export those are line items.
 */
import type { ContactDetails } from "../models/orders/contact-details.server";
import type { LineItemRecord, OrderSnapshot } from "../models/orders/record";
import { contactFromNode, lineItemFromNode, snapshotFromNode, type LineItemNode, type OrderNode } from "./order-query";

export class BulkResultError extends Error {
  constructor(
    message: string,
    public readonly line: number,
  ) {
    super(message);
    this.name = "BulkResultError";
  }
}

/** Yields each line's object, decoding UTF-8 across chunk boundaries; blank lines are skipped. */
export async function* readJsonLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Record<string, unknown>> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending = "";
  let lineNumber = 0;
  const parse = (line: string) => {
    lineNumber += 1;
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (text.trim() === "") return null;
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new Error("not an object");
      }
      return value as Record<string, unknown>;
    } catch (error) {
      throw new BulkResultError(`Bulk result line ${lineNumber} is not a JSON object (${(error as Error).message})`, lineNumber);
    }
  };

  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf("\n");
    while (newline !== -1) {
      const record = parse(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      if (record) yield record;
      newline = pending.indexOf("\n");
    }
  }
  pending += decoder.decode();
  const last = parse(pending);
  if (last) yield last;
}

export type BulkOrderRecord =
  | { kind: "order"; snapshot: OrderSnapshot; contact: ContactDetails | null }
  | { kind: "lineItem"; lineItem: LineItemRecord }
  | { kind: "other"; id: string | null };

const gidType = (id: unknown) => (typeof id === "string" ? /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(id)?.[1] ?? null : null);

/** What one line of the order export holds. */
export function classifyBulkLine(line: Record<string, unknown>): BulkOrderRecord {
  const type = gidType(line.id);
  if (type === "Order" && line.__parentId === undefined) {
    const node = line as unknown as OrderNode;
    return { kind: "order", snapshot: snapshotFromNode(node), contact: contactFromNode(node) };
  }
  if (type === "LineItem" && typeof line.__parentId === "string") {
    return { kind: "lineItem", lineItem: lineItemFromNode(line.__parentId, line as unknown as LineItemNode) };
  }
  return { kind: "other", id: typeof line.id === "string" ? line.id : null };
}

export interface BulkBatch {
  orders: OrderSnapshot[];
  lineItems: LineItemRecord[];
  /** The shoppers' emails of those orders, where Shopify shared them. */
  contacts: ContactDetails[];
}

/**
 * Groups the export into batches of at most `batchSize` orders (with the line items read alongside),
 * so the importer writes in bounded transactions while the file streams in.
 */
export async function* batchBulkOrders(
  lines: AsyncIterable<Record<string, unknown>>,
  batchSize: number,
): AsyncGenerator<BulkBatch> {
  let batch: BulkBatch = { orders: [], lineItems: [], contacts: [] };
  for await (const line of lines) {
    const record = classifyBulkLine(line);
    if (record.kind === "order") {
      batch.orders.push(record.snapshot);
      if (record.contact) batch.contacts.push(record.contact);
    } else if (record.kind === "lineItem") batch.lineItems.push(record.lineItem);
    if (batch.orders.length >= batchSize || batch.lineItems.length >= batchSize * 20) {
      yield batch;
      batch = { orders: [], lineItems: [], contacts: [] };
    }
  }
  if (batch.orders.length > 0 || batch.lineItems.length > 0) yield batch;
}
