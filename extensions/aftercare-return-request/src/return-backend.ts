/**
 * The app's return endpoint for the customer account (app/routes/api.customer-account.return.tsx),
 * called with the customer's session token. A failure comes back as the backend's error code, with
 * the problems it names for a refused request; "network" when the shop could not be reached, "failed"
 * for anything unexpected.
 */
import { APP_URL } from "../../aftercare-order-status/src/app-url";

export interface ReturnOptionItem {
  lineItemId: string;
  title: string;
  maxQuantity: number;
  /** Why it cannot be returned, in the shopper's language. */
  refusal: string | null;
}

export interface ReturnOptions {
  orderName: string;
  items: ReturnOptionItem[];
  reasons: Array<{ id: string; name: string }>;
}

export interface ReturnRequestInput {
  orderId: string;
  items: Array<{ lineItemId: string; quantity: number; reasonDefinitionId: string }>;
  note: string;
  locale: string;
}

export interface ReturnRequested {
  requested: true;
  message: string;
  return: { name: string | null; status: string };
}

export type ReturnAnswer<T> = { ok: true; data: T } | { ok: false; error: string; problems: Array<{ message: string; lineItemId?: string }> };

interface Host {
  sessionToken: { get(): Promise<string> };
}

async function call<T>(host: Host, path: string, body?: unknown): Promise<ReturnAnswer<T>> {
  let response: Response;
  try {
    const token = await host.sessionToken.get();
    // A form (the request with a photo) goes as multipart, its boundary set by fetch.
    const isForm = body instanceof FormData;
    response = await fetch(`${APP_URL}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined || isForm ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: "network", problems: [] };
  }
  const answer = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok && answer) return { ok: true, data: answer as T };
  const problems = Array.isArray(answer?.problems) ? (answer.problems as Array<{ message: string; lineItemId?: string }>) : [];
  return { ok: false, error: typeof answer?.error === "string" ? answer.error : "failed", problems };
}

export const fetchReturnOptions = (host: Host, orderId: string, locale: string) =>
  call<ReturnOptions>(host, `/api/customer-account/return?orderId=${encodeURIComponent(orderId)}&locale=${encodeURIComponent(locale)}`);

/** The largest photo the app takes (as review photos): a bigger one is refused before it is sent. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = "image/jpeg,image/png,image/webp";

/** Sends the request; with a photo, as a form with the same fields in `json` and the file in `photo`. */
export function postReturnRequest(host: Host, input: ReturnRequestInput, photo: File | null = null) {
  if (!photo) return call<ReturnRequested>(host, "/api/customer-account/return", input);
  const form = new FormData();
  form.set("json", JSON.stringify(input));
  form.set("photo", photo, photo.name);
  return call<ReturnRequested>(host, "/api/customer-account/return", form);
}
