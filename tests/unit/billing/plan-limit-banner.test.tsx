import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PlanLimitBanner } from "~/components/billing/plan-limit-banner";
import type { MeteredUsage } from "~/models/billing/plan-limits";

const render = (usage: MeteredUsage[]) =>
  renderToString(
    <AppProvider i18n={en}>
      <PlanLimitBanner usage={usage} nextMonthStarts="2026-12-01" upgrade={{ url: "/app/plans" }} />
    </AppProvider>,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("plan limit banner", () => {
  it("says how many emails wait, until when, and offers the upgrade", () => {
    const html = render([
      { kind: "review_request", used: 100, limit: 100, held: 23 },
      { kind: "survey", used: 40, limit: 100, held: 0 },
    ]);

    expect(text(html)).toContain("23 review requests are waiting until 1 December or until you upgrade");
    expect(text(html)).not.toContain("survey");
    expect(html).toMatch(/<a[^>]+href="\/app\/plans"[^>]*>.*Upgrade/s);
  });

  it("shows nothing while the allowance lasts or nothing waits", () => {
    const noBanner = (usage: MeteredUsage[]) => expect(text(render(usage)).trim()).toBe("");
    noBanner([{ kind: "review_request", used: 60, limit: 100, held: 0 }]);
    noBanner([{ kind: "review_request", used: 100, limit: 100, held: 0 }]);
    noBanner([{ kind: "survey", used: 300, limit: null, held: 4 }]);
  });
});
