/**
 * The JSON body a customer account extension posts: application/json, at most `maxBytes`, an object.
 * Anything else is refused with the error code to answer (see customer-account-answers.ts).
 */
import { readBodyCapped } from "../storefront/body";
import type { CustomerAccountErrorCode } from "./customer-account-answers";

export type CustomerAccountBody = { ok: true; value: Record<string, unknown> } | { ok: false; error: CustomerAccountErrorCode };

export async function readCustomerAccountJson(request: Request, maxBytes: number): Promise<CustomerAccountBody> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, error: "unsupported_type" };
  const bytes = await readBodyCapped(request, maxBytes);
  if (!bytes) return { ok: false, error: "too_large" };
  try {
    const value: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    if (value && typeof value === "object" && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
  } catch {
    // Not UTF-8 or not JSON: the same refusal as JSON that is not an object.
  }
  return { ok: false, error: "invalid_request" };
}
