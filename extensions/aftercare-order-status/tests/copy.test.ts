import { describe, expect, it } from "vitest";
import { errorKey, expectation, formatRange, statusNotice } from "../src/copy";
import { delivered, failed, inTransit, late } from "./support/orders";
import { i18nFor } from "./support/translations";

const { translate: t, formatDate } = i18nFor("en");

describe("the words for an order's status", () => {
  it("reads a range as two dates and a single day as one", () => {
    expect(formatRange({ earliest: "2026-09-04", latest: "2026-09-07" }, formatDate)).toBe("September 4 – September 7");
    expect(formatRange({ earliest: "2026-09-10", latest: "2026-09-10" }, formatDate)).toBe("September 10");
  });

  it("keeps the shop's day whatever the shopper's time zone", () => {
    expect(formatRange({ earliest: "2026-12-31", latest: "2026-12-31" }, (date, options) => new Intl.DateTimeFormat("en", { ...options }).format(date))).toBe("December 31");
  });

  it("has no notice for an order on time, and says failed, late or cancelled when it is", () => {
    expect(statusNotice(inTransit().order, t, formatDate)).toBeNull();
    expect(statusNotice(failed().order, t, formatDate)).toEqual({ tone: "critical", message: t("status.failed") });
    expect(statusNotice(late(null).order, t, formatDate)?.message).toBe(t("status.late"));
    expect(statusNotice({ ...inTransit().order, cancelled: true }, t, formatDate)?.tone).toBe("info");
  });

  it("promises a date only while it stands: the delivery day, or the estimate of an order on time", () => {
    expect(expectation(delivered().order, t, formatDate)).toBe("Delivered on September 5");
    expect(expectation(inTransit().order, t, formatDate)).toBe("Estimated delivery: September 4 – September 7");
    expect(expectation(late({ earliest: "2026-09-10", latest: "2026-09-10" }).order, t, formatDate)).toBeNull();
  });

  it("reads an unknown error code as a generic failure", () => {
    expect(errorKey("too_many")).toBe("errors.too_many");
    expect(errorKey("teapot")).toBe("errors.failed");
  });
});

describe("the extension's locales", () => {
  const keys = (node: object, prefix = ""): string[] =>
    Object.entries(node).flatMap(([key, value]) => (typeof value === "object" && value ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

  it("has every English string in Indonesian too", async () => {
    const { localeMessages } = await import("./support/translations");
    expect(keys(localeMessages("id")).sort()).toEqual(keys(localeMessages("en")).sort());
  });
});
