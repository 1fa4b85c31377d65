import { describe, expect, it } from "vitest";
import { computeReviewFunnel, parseFunnelPeriod, percentOf } from "../../../app/models/reviews/funnel";

describe("review request funnel", () => {
  it("counts each step within the requests sent, with rates rounded to one decimal", () => {
    const funnel = computeReviewFunnel({
      sent: ["a", "b", "c", "d", "e", "f"],
      opened: ["a", "b", "c", "a"],
      reviewed: ["a"],
    });
    expect(funnel).toEqual({ sent: 6, opened: 3, reviewed: 1, openRate: 50, reviewRateOfOpened: 33.3, conversion: 16.7 });
  });

  it("counts a review written through the link as opened, even when the open was not recorded", () => {
    expect(computeReviewFunnel({ sent: ["a", "b"], opened: [], reviewed: ["b"] })).toMatchObject({ opened: 1, reviewed: 1, openRate: 50, reviewRateOfOpened: 100 });
  });

  it("ignores opens and reviews of lines not requested in the period", () => {
    expect(computeReviewFunnel({ sent: ["a"], opened: ["x"], reviewed: ["y"] })).toMatchObject({ sent: 1, opened: 0, reviewed: 0, conversion: 0 });
  });

  it("has no rates when nothing was sent", () => {
    expect(computeReviewFunnel({ sent: [], opened: ["a"], reviewed: ["a"] })).toEqual({
      sent: 0, opened: 0, reviewed: 0, openRate: null, reviewRateOfOpened: null, conversion: null,
    });
    expect(percentOf(1, 0)).toBeNull();
  });

  it("reads the period from the URL, falling back to 30 days", () => {
    expect(parseFunnelPeriod("7")).toBe(7);
    expect(parseFunnelPeriod("90")).toBe(90);
    expect(parseFunnelPeriod("365")).toBe(30);
    expect(parseFunnelPeriod(null)).toBe(30);
  });
});
