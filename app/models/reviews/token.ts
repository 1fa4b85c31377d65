/**
 * The signed, expiring link a review request carries: it names the shop, order and order line, so the
 * form knows who bought what without a login. Pure: the caller hands in the secret and the clock.
 */
import { signToken, verifyToken, type TokenCheck } from "../signed-token";

export const REVIEW_TOKEN_PURPOSE = "review";
/** A review link stays valid this long after the email is sent. */
export const REVIEW_LINK_DAYS = 60;

export interface ReviewTokenPayload {
  [key: string]: string;
  shop: string;
  orderId: string;
  lineItemId: string;
}

export function signReviewToken(payload: ReviewTokenPayload, secret: string, now: Date): string {
  return signToken(payload, { secret, purpose: REVIEW_TOKEN_PURPOSE, expiresAt: new Date(now.getTime() + REVIEW_LINK_DAYS * 86_400_000) });
}

export function verifyReviewToken(token: string, secret: string, now: Date): TokenCheck<ReviewTokenPayload> {
  const check = verifyToken<ReviewTokenPayload>(token, { secret, purpose: REVIEW_TOKEN_PURPOSE, now });
  if (!check.ok) return check;
  const { shop, orderId, lineItemId } = check.payload;
  const wellFormed = [shop, orderId, lineItemId].every((value) => typeof value === "string" && value.length > 0);
  return wellFormed ? check : { ok: false, reason: "malformed" };
}

/** The link one star in the email points to; the page it opens has that rating chosen. */
export function reviewLinkUrl(proxyBaseUrl: string, token: string, rating: number): string {
  const url = new URL(`${proxyBaseUrl}/review`);
  url.searchParams.set("token", token);
  url.searchParams.set("rating", String(rating));
  return url.toString();
}
