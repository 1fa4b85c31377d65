/**
 * The review request funnel of a period: how many requests were sent, how many of those the buyer
 * opened (followed the signed link), and how many became a review. Pure: no I/O.
 *
 * It follows the requests sent in the period as one cohort, so every step is a subset of the one
 * before: a review written through the link counts as opened even when the open was not recorded.
 * "Opened" is generous: mail scanners and link previews follow links too.
 */

export interface ReviewFunnelInput {
  /** Keys (one per requested order line) of the review requests sent in the period. */
  sent: readonly string[];
  /** Keys whose link was followed at least once. */
  opened: readonly string[];
  /** Keys with a review. */
  reviewed: readonly string[];
}

export interface ReviewFunnel {
  sent: number;
  opened: number;
  reviewed: number;
  /** Opened / sent, as a whole percentage (null with nothing sent). */
  openRate: number | null;
  /** Reviewed / opened (null with nothing opened). */
  reviewRateOfOpened: number | null;
  /** Reviewed / sent: the request's overall conversion (null with nothing sent). */
  conversion: number | null;
}

export const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export function computeReviewFunnel(input: ReviewFunnelInput): ReviewFunnel {
  const sent = new Set(input.sent);
  const reviewed = new Set(input.reviewed.filter((key) => sent.has(key)));
  const opened = new Set([...input.opened.filter((key) => sent.has(key)), ...reviewed]);
  return {
    sent: sent.size,
    opened: opened.size,
    reviewed: reviewed.size,
    openRate: percentOf(opened.size, sent.size),
    reviewRateOfOpened: percentOf(reviewed.size, opened.size),
    conversion: percentOf(reviewed.size, sent.size),
  };
}

export const FUNNEL_PERIODS = [7, 30, 90] as const;
export type FunnelPeriodDays = (typeof FUNNEL_PERIODS)[number];
export const DEFAULT_FUNNEL_PERIOD: FunnelPeriodDays = 30;

export function parseFunnelPeriod(value: string | null): FunnelPeriodDays {
  const days = Number(value);
  return (FUNNEL_PERIODS as readonly number[]).includes(days) ? (days as FunnelPeriodDays) : DEFAULT_FUNNEL_PERIOD;
}
