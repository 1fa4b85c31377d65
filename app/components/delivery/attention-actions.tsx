/**
 * The at-risk list's row actions ("Notify the shopper now", "Mark handled", "Undo"): one fetcher
 * posting to the home page's action, a translated toast on success and the error to show otherwise.
 */
import { useFetcher } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useRef } from "react";
import type { AttentionIntent } from "../../models/delivery/attention-actions";
import type { AttentionActionResult } from "../../models/delivery/attention-actions.server";
import { useT } from "../../i18n";

export interface AttentionActions {
  run: (intent: AttentionIntent, orderId: string) => void;
  /** The action being posted, while it is. */
  pending: { intent: AttentionIntent; orderId: string } | null;
  /** The last failed action's answer, until the next action. */
  failure: Extract<AttentionActionResult, { ok: false }> | null;
}

export function useAttentionActions(): AttentionActions {
  const t = useT();
  const shopify = useAppBridge();
  const fetcher = useFetcher<AttentionActionResult>();
  const toasted = useRef<object | null>(null);
  const result = fetcher.state === "idle" ? fetcher.data : undefined;

  useEffect(() => {
    if (!result?.ok || toasted.current === result) return;
    toasted.current = result;
    shopify.toast.show(t(`attention.toast.${result.intent}`, { order: result.orderName }));
  }, [result, shopify, t]);

  const form = fetcher.state === "idle" ? null : fetcher.formData;
  const intent = form?.get("intent");
  const orderId = form?.get("orderId");
  return {
    run: (next, id) => fetcher.submit({ intent: next, orderId: id }, { method: "post" }),
    pending: typeof intent === "string" && typeof orderId === "string" ? { intent: intent as AttentionIntent, orderId } : null,
    failure: result && !result.ok ? result : null,
  };
}
