/** How the Returns pages name a return's status, source and reason, in the admin language. */
import type { Translate } from "../../i18n";
import type { ReturnCopyStatus } from "../../models/returns/webhook";
import type { ReturnSource } from "../../models/returns/returns.server";
import type { ReturnDeclineReason } from "../../models/returns/shopify-returns.server";

type BadgeTone = "info" | "success" | "warning" | "critical" | "attention" | undefined;

const STATUS_TONES: Record<ReturnCopyStatus, BadgeTone> = {
  requested: "attention",
  open: "info",
  declined: "critical",
  closed: "success",
  canceled: undefined,
};

const SOURCES: readonly ReturnSource[] = ["storefront", "customer_account", "admin", "shopify"];

/** Shopify's ReturnDeclineReason values, in the order the decline form offers them. */
export const DECLINE_REASONS: readonly ReturnDeclineReason[] = ["FINAL_SALE", "RETURN_PERIOD_ENDED", "OTHER"];

export const statusTone = (status: string): BadgeTone => STATUS_TONES[status as ReturnCopyStatus];

export const statusLabel = (t: Translate, status: string) =>
  status in STATUS_TONES ? t(`returns.queue.status.${status as ReturnCopyStatus}`) : status;

export const sourceLabel = (t: Translate, source: string) =>
  (SOURCES as readonly string[]).includes(source) ? t(`returns.queue.source.${source as ReturnSource}`) : source;

/** Shopify's name of the reason, else its handle in words ("size-too-small" -> "Size too small"). */
export function reasonLabel(t: Translate, reason: string | null, name: string | null): string {
  if (name) return name;
  if (!reason || reason === "unknown") return t("returns.queue.noReason");
  const words = reason.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
