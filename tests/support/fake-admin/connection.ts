import { GraphQLError } from "graphql";
import { MAX_PAGE_SIZE } from "./validation";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Opaque to clients, like Shopify's: base64 of a small JSON document naming the last item seen. */
export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ last_id: key }), "utf8").toString("base64");
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id?: unknown };
    if (typeof parsed.last_id === "string") return parsed.last_id;
  } catch {
    // falls through to the error below
  }
  throw new GraphQLError(`Invalid cursor: ${cursor}`, { extensions: { code: "BAD_REQUEST" } });
}

function checkSize(name: "first" | "last", value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (value < 0) throw new GraphQLError(`${name} must be a positive number.`);
  if (value > MAX_PAGE_SIZE) {
    throw new GraphQLError(`${name} must be at most ${MAX_PAGE_SIZE}; got ${value}.`, {
      extensions: { code: "BAD_REQUEST" },
    });
  }
}

/**
 * A Relay page over `items` (already filtered and sorted). `keyOf` gives each item a stable key, which
 * the cursor carries, so a cursor keeps its place even when other pages change.
 */
export function buildConnection<T>(items: readonly T[], args: ConnectionArgs, keyOf: (item: T) => string): Connection<T> {
  if (args.first == null && args.last == null) {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  }
  checkSize("first", args.first);
  checkSize("last", args.last);

  const indexOf = (cursor: string) => {
    const key = decodeCursor(cursor);
    const index = items.findIndex((item) => keyOf(item) === key);
    if (index === -1) throw new GraphQLError(`Invalid cursor: ${cursor}`, { extensions: { code: "BAD_REQUEST" } });
    return index;
  };
  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? indexOf(args.before) : items.length;
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);

  const page = items.slice(start, Math.max(start, end));
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
