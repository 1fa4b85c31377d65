/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { APP_URL } from "./app-url";

/** Calls to the app's survey endpoint (app/routes/api.checkout.survey.tsx), signed with the session token. */

export interface SurveyState {
  enabled: boolean;
  answered: boolean;
  askCsat: boolean;
  options: string[];
}

export interface SubmittedAnswer {
  orderId: string;
  /** orderConfirmation.number: how the app knows a guest's answer is for their own order. */
  confirmationNumber: string | null;
  option: string;
  otherText: string | null;
  csat: number | null;
}

export type SubmitOutcome = { kind: "answered" } | { kind: "invalid"; message: string } | { kind: "failed" };

const ENDPOINT = `${APP_URL}/api/checkout/survey`;

async function headers(json: boolean): Promise<Record<string, string>> {
  const token = await shopify.sessionToken.get();
  return {
    Authorization: `Bearer ${token}`,
    "Accept-Language": shopify.localization.language.value.isoCode,
    ...(json ? { "Content-Type": "application/json" } : {}),
  };
}

/** The order's state, or null when it could not be read (network, server trouble). */
export async function fetchSurveyState(orderId: string): Promise<SurveyState | null> {
  try {
    const response = await fetch(`${ENDPOINT}?order=${encodeURIComponent(orderId)}`, { headers: await headers(false) });
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<SurveyState>;
    return {
      enabled: body.enabled === true,
      answered: body.answered === true,
      askCsat: body.askCsat === true,
      options: Array.isArray(body.options) ? body.options.filter((option): option is string => typeof option === "string") : [],
    };
  } catch {
    return null;
  }
}

export async function submitAnswer(answer: SubmittedAnswer): Promise<SubmitOutcome> {
  try {
    const response = await fetch(ENDPOINT, { method: "POST", headers: await headers(true), body: JSON.stringify(answer) });
    // 409: this order was answered already (another tab, a reload): the shopper is done either way.
    if (response.status === 201 || response.status === 409) return { kind: "answered" };
    // 400: a field the app refused; 403: an order it could not tie to this shopper. Both name the problem.
    if (response.status === 400 || response.status === 403) {
      const body = (await response.json().catch(() => ({}))) as { error?: unknown };
      return typeof body.error === "string" ? { kind: "invalid", message: body.error } : { kind: "failed" };
    }
    return { kind: "failed" };
  } catch {
    return { kind: "failed" };
  }
}
