import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "../../app/models/signed-token";

const secret = "shop-secret";
const now = new Date("2026-03-01T10:00:00Z");
const inAWeek = new Date("2026-03-08T10:00:00Z");

describe("signed tokens for one-click links", () => {
  it("round-trips the payload until it expires", () => {
    const token = signToken({ shop: "a.myshopify.com", orderId: "gid://shopify/Order/1" }, { secret, purpose: "survey", expiresAt: inAWeek });
    const check = verifyToken<{ shop: string; orderId: string }>(token, { secret, purpose: "survey", now });
    expect(check).toEqual({ ok: true, payload: { shop: "a.myshopify.com", orderId: "gid://shopify/Order/1" }, expiresAt: inAWeek });
  });

  it("refuses an expired token", () => {
    const token = signToken({ id: 1 }, { secret, purpose: "survey", expiresAt: now });
    expect(verifyToken(token, { secret, purpose: "survey", now })).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token whose payload was changed", () => {
    const token = signToken({ orderId: "1" }, { secret, purpose: "survey", expiresAt: inAWeek });
    const [, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ orderId: "2", exp: inAWeek.getTime() / 1000 })).toString("base64url");
    expect(verifyToken(`${forged}.${signature}`, { secret, purpose: "survey", now })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a token signed with another secret or for another purpose", () => {
    const token = signToken({ orderId: "1" }, { secret, purpose: "survey", expiresAt: inAWeek });
    expect(verifyToken(token, { secret: "other", purpose: "survey", now }).ok).toBe(false);
    expect(verifyToken(token, { secret, purpose: "unsubscribe", now })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it.each(["", "abc", "a.b.c", "a.b", "%%.%%"])("calls %j malformed or badly signed, never valid", (token) => {
    const check = verifyToken(token, { secret, purpose: "survey", now });
    expect(check.ok).toBe(false);
  });

  it("keeps `exp` for itself", () => {
    expect(() => signToken({ exp: 1 }, { secret, purpose: "survey", expiresAt: inAWeek })).toThrow(/reserved/);
  });
});
