import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed, expiring tokens for one-click links in emails (survey answers, unsubscribe, review forms).
 *
 * A token is `<payload>.<signature>`: the payload is base64url JSON holding the caller's fields plus
 * `exp` (seconds since the epoch), the signature is HMAC-SHA256 over the purpose and the payload. The
 * purpose is part of what is signed, so a token minted for one kind of link never opens another.
 * Pure: the caller hands in the secret and the clock.
 */

export type TokenPayload = Record<string, string | number | boolean | null>;

export type TokenCheck<P extends TokenPayload> =
  | { ok: true; payload: P; expiresAt: Date }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

export interface SignOptions {
  secret: string;
  purpose: string;
  expiresAt: Date;
}

export interface VerifyOptions {
  secret: string;
  purpose: string;
  now: Date;
}

function signatureOf(secret: string, purpose: string, body: string): Buffer {
  if (!secret) throw new Error("A signing secret is required");
  return createHmac("sha256", secret).update(`${purpose}.${body}`, "utf8").digest();
}

export function signToken<P extends TokenPayload>(payload: P, options: SignOptions): string {
  if ("exp" in payload) throw new Error("`exp` is reserved for the expiry");
  const exp = Math.floor(options.expiresAt.getTime() / 1000);
  const body = Buffer.from(JSON.stringify({ ...payload, exp }), "utf8").toString("base64url");
  return `${body}.${signatureOf(options.secret, options.purpose, body).toString("base64url")}`;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function verifyToken<P extends TokenPayload>(token: string, options: VerifyOptions): TokenCheck<P> {
  const parts = token.split(".");
  if (parts.length !== 2 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) return { ok: false, reason: "malformed" };
  const [body, signature] = parts;
  const expected = signatureOf(options.secret, options.purpose, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad_signature" };

  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded)) return { ok: false, reason: "malformed" };
  const { exp, ...payload } = decoded as { exp?: unknown } & Record<string, unknown>;
  if (typeof exp !== "number" || !Number.isFinite(exp)) return { ok: false, reason: "malformed" };
  if (options.now.getTime() >= exp * 1000) return { ok: false, reason: "expired" };
  return { ok: true, payload: payload as P, expiresAt: new Date(exp * 1000) };
}
