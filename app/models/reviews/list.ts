/**
 * The storefront's list of a product's published reviews: what the review display block asks for and
 * the shape it gets back. Pure: no I/O.
 */

/** Reviews per page of the storefront list. */
export const REVIEW_PAGE_SIZE = 6;
/** Pages past this are refused: no product needs them, and deep offsets are slow. */
export const REVIEW_PAGE_MAX = 500;

export type ReviewListQuery = { ok: true; productId: string; page: number } | { ok: false; message: string };

const PRODUCT_GID = /^gid:\/\/shopify\/Product\/([1-9]\d{0,19})$/;
const NUMERIC_ID = /^[1-9]\d{0,19}$/;

/** `product_id` as Liquid's `product.id` (numeric) or a product GID, normalised to the GID. */
export function productGidOf(value: string | null): string | null {
  const raw = value?.trim() ?? "";
  if (NUMERIC_ID.test(raw)) return `gid://shopify/Product/${raw}`;
  return PRODUCT_GID.test(raw) ? raw : null;
}

export function parseReviewListQuery(params: URLSearchParams): ReviewListQuery {
  const productId = productGidOf(params.get("product_id"));
  if (!productId) return { ok: false, message: "product_id must be a product id (a number or a gid://shopify/Product/ id)." };
  const rawPage = params.get("page") ?? "1";
  const page = /^\d{1,4}$/.test(rawPage) ? Number(rawPage) : NaN;
  if (!Number.isInteger(page) || page < 1 || page > REVIEW_PAGE_MAX) {
    return { ok: false, message: `page must be a whole number from 1 to ${REVIEW_PAGE_MAX}.` };
  }
  return { ok: true, productId, page };
}

export interface StoredReview {
  id: string;
  rating: number;
  title: string;
  body: string;
  authorName: string | null;
  verified: boolean;
  reply: string | null;
  repliedAt: Date | null;
  createdAt: Date;
  photoIds: string[];
}

export interface PublicReview {
  id: string;
  rating: number;
  title: string;
  body: string;
  /** The reviewer's first name only, or null. */
  author: string | null;
  /** ISO 8601. */
  createdAt: string;
  verified: boolean;
  reply: { body: string; repliedAt: string | null } | null;
  photos: Array<{ id: string; url: string }>;
}

export interface ReviewListPage {
  reviews: PublicReview[];
  page: number;
  pageSize: number;
  total: number;
  hasMore: boolean;
}

/** A name as shoppers see it: the first word only, so a full name given at checkout stays private. */
export function publicFirstName(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0] ?? "";
  return first ? first.slice(0, 40) : null;
}

/** A stored review as shoppers may see it: no order, no email, no last name; photos as links. */
export function toPublicReview(review: StoredReview, photoUrl: (id: string) => string): PublicReview {
  const reply = review.reply?.trim();
  return {
    id: review.id,
    rating: review.rating,
    title: review.title,
    body: review.body,
    author: publicFirstName(review.authorName),
    createdAt: review.createdAt.toISOString(),
    verified: review.verified,
    reply: reply ? { body: reply, repliedAt: review.repliedAt?.toISOString() ?? null } : null,
    photos: review.photoIds.map((id) => ({ id, url: photoUrl(id) })),
  };
}

export function reviewListPage(rows: StoredReview[], total: number, page: number, photoUrl: (id: string) => string): ReviewListPage {
  return {
    reviews: rows.map((row) => toPublicReview(row, photoUrl)),
    page,
    pageSize: REVIEW_PAGE_SIZE,
    total,
    hasMore: page * REVIEW_PAGE_SIZE < total,
  };
}

const ORDER_GID = /^gid:\/\/shopify\/Order\/[1-9]\d{0,19}$/;
const LINE_ITEM_GID = /^gid:\/\/shopify\/LineItem\/[1-9]\d{0,19}$/;

/** Liquid's numeric `order.id` / `line_item.id`, or the GID, as the GID the app stores; null otherwise. */
export function orderGidOf(value: unknown): string | null {
  const raw = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
  if (NUMERIC_ID.test(raw)) return `gid://shopify/Order/${raw}`;
  return ORDER_GID.test(raw) ? raw : null;
}

export function lineItemGidOf(value: unknown): string | null {
  const raw = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
  if (NUMERIC_ID.test(raw)) return `gid://shopify/LineItem/${raw}`;
  return LINE_ITEM_GID.test(raw) ? raw : null;
}

/** The number at the end of a GID, as Liquid shows ids. */
export const numericIdOf = (gid: string): string => gid.slice(gid.lastIndexOf("/") + 1);
