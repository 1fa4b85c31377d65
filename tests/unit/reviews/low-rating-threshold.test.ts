import { describe, expect, it } from "vitest";
import { reviewSettingsSchema } from "../../../app/models/reviews/settings";

/** The Reviews settings' "Low rating for Shopify Flow" field, as the admin form posts it. */
const form = (lowRatingThreshold: unknown) => ({
  enabled: true,
  homeCountry: "ID",
  domesticDeliveredDays: "7",
  domesticFulfilledDays: "14",
  internationalDeliveredDays: "7",
  internationalFulfilledDays: "21",
  reminderDays: "7",
  lowRatingThreshold,
});

describe("low rating threshold", () => {
  it("takes a whole number of stars from 1 to 5", () => {
    expect(reviewSettingsSchema.parse(form("3")).lowRatingThreshold).toBe(3);
    expect(reviewSettingsSchema.parse(form("1")).lowRatingThreshold).toBe(1);
  });

  it.each(["0", "6", "2.5", "two"])("refuses %s, naming the range", (value) => {
    const parsed = reviewSettingsSchema.safeParse(form(value));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([["lowRatingThreshold", "Enter a whole number from 1 to 5"]]);
  });

  it("keeps the saved threshold when the form does not post one", () => {
    expect(reviewSettingsSchema.parse(form(null)).lowRatingThreshold).toBeUndefined();
  });
});
