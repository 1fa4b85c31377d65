import type { Format, Translate } from "../../i18n";

/** Durations as the dashboard shows them: "2 h" / "2 jam" up to two days, then "3.5 d" / "3,5 hari". */
export function durationLabel(minutes: number | null, t: Translate, format: Format): string {
  if (minutes === null) return t("common.none");
  if (minutes < 48 * 60) return t("common.durationHours", { value: format.number(Math.round(minutes / 6) / 10, { maximumFractionDigits: 1 }) });
  return t("common.durationDays", { value: format.number(Math.round(minutes / 144) / 10, { maximumFractionDigits: 1 }) });
}

export const minutesToDays = (minutes: number | null) => (minutes === null ? null : Math.round(minutes / 144) / 10);
