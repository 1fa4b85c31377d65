/*
 * The storefront folder: what every app-proxy and extension door shares.
 * Pure: body.ts (capped body reading), language.ts (the shopper's language), page-strings.ts
 * (the proxied pages' words in each language). No server side of its own.
 */
/**
 * Reads what the storefront posts through the app proxy: a small urlencoded form or a JSON object,
 * nothing else. Every refusal is a clear 4xx the endpoint can answer as is:
 * - 415 for any other content type (checked before a byte is read),
 * - 413 when the body is larger than the endpoint allows (declared or actual size; reading stops there),
 * - 400 for malformed JSON, JSON that is not an object, or bytes that are not UTF-8.
 */

export type StorefrontBody =
  | { ok: true; fields: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; message: string };

export const STOREFRONT_CONTENT_TYPES = ["application/x-www-form-urlencoded", "application/json"] as const;

const refuse = (status: 400 | 413 | 415, message: string): StorefrontBody => ({ ok: false, status, message });
const TOO_LARGE = refuse(413, "The request is too large.");

/**
 * The body's bytes, or null when it is larger than `maxBytes`: refused from its declared length before a
 * byte is read, or as soon as it grows past the cap (reading stops there).
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function readStorefrontBody(request: Request, maxBytes: number): Promise<StorefrontBody> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!(STOREFRONT_CONTENT_TYPES as readonly string[]).includes(type)) {
    return refuse(415, "Send the form as application/x-www-form-urlencoded or application/json.");
  }
  const bytes = await readBodyCapped(request, maxBytes);
  if (!bytes) return TOO_LARGE;

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse(400, "The request is not valid UTF-8 text.");
  }
  if (type === "application/x-www-form-urlencoded") return { ok: true, fields: Object.fromEntries(new URLSearchParams(text)) };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return { ok: true, fields: value as Record<string, unknown> };
  } catch {
    // Answered below, like JSON that is not an object.
  }
  return refuse(400, "Send the fields as one JSON object.");
}
