/**
 * The app's customer account endpoints (app/routes/api.customer-account.*), called with the customer's
 * session token. Every failure comes back as an error code the components translate: the backend's own
 * code, "network" when the shop could not be reached, "failed" for anything unexpected.
 */
import { APP_URL } from "./app-url";
import type { Host } from "./host";

export type Step = "ordered" | "fulfilled" | "in_transit" | "out_for_delivery" | "delivered";

export interface OrderStatus {
  name: string;
  cancelled: boolean;
  alert: "failed" | "late" | null;
  timeline: Array<{ step: Step; done: boolean; on: string | null }>;
  current: Step;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  estimate: { earliest: string; latest: string; source: "promise" | "carrier" } | null;
  deliveredOn: string | null;
}

export interface ReviewableLine {
  lineItemId: string;
  productTitle: string;
  reviewed: boolean;
}

export interface ContactChannel {
  kind: "email" | "phone" | "whatsapp" | "chat" | "social";
  network?: string;
  label: string;
  href: string;
}

/** A return of the order and where it stands (app/models/returns/order-status.ts). */
export interface OrderReturn {
  name: string | null;
  state: "requested" | "approved" | "declined" | "refunded" | "closed" | "canceled";
  requestedOn: string;
  labelUrl: string | null;
  trackingUrl: string | null;
  declineReason: string | null;
  declineNote: string | null;
  refund: { amount: string; currency: string } | null;
}

export interface CustomerOrder {
  order: OrderStatus;
  lines: ReviewableLine[];
  contact: ContactChannel[];
  /** Absent from an app that answers without returns. */
  returns?: OrderReturn[];
}

export interface ReviewInput {
  orderId: string;
  lineItemId: string;
  rating: number;
  title: string;
  body: string;
}

export interface HelpInput {
  orderId: string;
  lineItemId: string;
  message?: string;
}

export type Answer<T> = { ok: true; data: T } | { ok: false; error: string; fields?: Record<string, string> };

async function call<T>(host: Host, path: string, init: { method: "GET" | "POST"; body?: unknown }): Promise<Answer<T>> {
  let response: Response;
  try {
    const token = await host.sessionToken.get();
    response = await fetch(`${APP_URL}${path}`, {
      method: init.method,
      headers: { Authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    return { ok: false, error: "network" };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page): answered as a failure below.
  }
  if (response.ok && body && typeof body === "object") return { ok: true, data: body as T };
  const refusal = (body ?? {}) as { error?: unknown; fields?: unknown };
  return {
    ok: false,
    error: typeof refusal.error === "string" ? refusal.error : "failed",
    ...(refusal.fields && typeof refusal.fields === "object" ? { fields: refusal.fields as Record<string, string> } : {}),
  };
}

export const fetchCustomerOrder = (host: Host, orderId: string) =>
  call<CustomerOrder>(host, `/api/customer-account/order?orderId=${encodeURIComponent(orderId)}`, { method: "GET" });

export const postReview = (host: Host, review: ReviewInput) =>
  call<{ recorded: true; verified: true }>(host, "/api/customer-account/review", { method: "POST", body: review });

export const postHelpRequest = (host: Host, help: HelpInput) =>
  call<{ helpRequested: true }>(host, "/api/customer-account/help", { method: "POST", body: help });
