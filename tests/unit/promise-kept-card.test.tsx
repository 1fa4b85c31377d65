import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PromiseKeptCard } from "~/components/PromiseKeptCard";
import { promiseKeptByZone } from "~/models/delay";
import type { PromiseKeptView } from "~/models/promise-kept.server";

const render = (view: PromiseKeptView) =>
  renderToString(<AppProvider i18n={en}><PromiseKeptCard promiseKept={view} /></AppProvider>)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

const promise = { earliest: "2026-11-10", latest: "2026-11-12" };
const at = (iso: string) => new Date(iso);

describe("delivery promise kept card", () => {
  it("says promises are recorded from new orders on while nothing promised was delivered", () => {
    const page = render({ days: 90, zones: [] });

    expect(page).toContain("Delivery promise kept");
    expect(page).toContain("Promises are recorded from new orders on");
    expect(page).not.toContain("Early");
  });

  it("shows the overall share and each zone's kept percentage with early, inside and late counts", () => {
    const rows = promiseKeptByZone(
      [
        { zoneId: "java", promise, deliveredAt: at("2026-11-09T05:00:00Z") },
        { zoneId: "java", promise, deliveredAt: at("2026-11-11T05:00:00Z") },
        { zoneId: "java", promise, deliveredAt: at("2026-11-14T05:00:00Z") },
        { zoneId: "eu", promise, deliveredAt: at("2026-11-20T05:00:00Z") },
        { zoneId: null, promise, deliveredAt: at("2026-11-12T05:00:00Z") },
      ],
      "UTC",
    );
    const names: Record<string, string> = { java: "Java" };
    const page = render({ days: 90, zones: rows.map((row) => ({ ...row, zoneName: row.zoneId ? (names[row.zoneId] ?? null) : null })) });

    expect(page).toContain("60% of 5 delivered orders arrived by the last promised day (last 90 days).");
    expect(page).toMatch(/Java 66\.7% 1 1 1 /);
    expect(page).toMatch(/Removed zone \(eu\) 0% 0 0 1 /);
    expect(page).toMatch(/No zone 100% 0 1 0 /);
  });
});
