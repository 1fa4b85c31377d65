import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AttributionCard } from "~/components/surveys/AttributionCard";
import { I18nProvider } from "~/i18n";
import { attributionBreakdown } from "~/models/surveys/attribution";

const render = (breakdown: ReturnType<typeof attributionBreakdown>, language: "en" | "id" = "en") =>
  renderToString(
    <AppProvider i18n={en}>
      <I18nProvider locale={{ language, tag: language }}>
        <AttributionCard breakdown={breakdown} />
      </I18nProvider>
    </AppProvider>,
  )
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("attribution card", () => {
  it("tells a merchant without answers how to start asking", () => {
    const page = render(attributionBreakdown([], { sum: 0, count: 0 }));
    expect(page).toContain("No answers yet");
    expect(page).toContain("checkout editor");
  });

  it("lists channels with answers and share, the weeks by channel, and the average rating", () => {
    const page = render(
      attributionBreakdown(
        [
          { week: "2026-11-02", option: "TikTok", count: 1 },
          { week: "2026-11-09", option: "TikTok", count: 2 },
          { week: "2026-11-09", option: "Podcast", count: 1 },
        ],
        { sum: 7, count: 2 },
      ),
    );
    expect(page).toMatch(/Channel Answers Share TikTok 3 75% Podcast 1 25%/);
    expect(page).toMatch(/Week TikTok Podcast Nov 2 1 0 Nov 9 2 1/);
    expect(page).toContain("Buying experience: 3.5 out of 5, from 2 ratings");
  });

  it("speaks Indonesian", () => {
    const page = render(attributionBreakdown([{ week: "2026-11-09", option: "Teman", count: 2 }], { sum: 0, count: 0 }), "id");
    expect(page).toContain("Dari mana pembeli mengetahui Anda");
    expect(page).toContain("Belum ada penilaian");
  });
});
