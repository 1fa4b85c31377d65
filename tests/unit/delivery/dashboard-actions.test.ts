import { describe, expect, it } from "vitest";
import { parseHomeAction } from "~/models/delivery/attention-actions";
import { colourDistance, STATE_COLOURS, TIMING_COLOURS } from "~/components/chart-palette";
import { DELIVERY_STATES } from "~/models/delivery/performance";
import { delayDedupeKey, detectDelay, promisedLatestOf } from "~/models/delays/delay";

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("the home page's posted actions", () => {
  it("reads an empty post as the sync button", () => {
    expect(parseHomeAction(null)).toEqual({ kind: "sync" });
    expect(parseHomeAction(form({}))).toEqual({ kind: "sync" });
  });

  it("reads an at-risk action on one order", () => {
    expect(parseHomeAction(form({ intent: "notify", orderId: "gid://shopify/Order/1042" }))).toEqual({
      kind: "attention",
      intent: "notify",
      orderId: "gid://shopify/Order/1042",
    });
    expect(parseHomeAction(form({ intent: "reopen", orderId: "gid://shopify/Order/7" }))).toMatchObject({ intent: "reopen" });
  });

  it("refuses an unknown intent or an id that is not an order's", () => {
    expect(parseHomeAction(form({ intent: "delete", orderId: "gid://shopify/Order/1" }))).toEqual({ kind: "invalid" });
    expect(parseHomeAction(form({ intent: "handled" }))).toEqual({ kind: "invalid" });
    expect(parseHomeAction(form({ intent: "handled", orderId: "gid://shopify/Customer/1" }))).toEqual({ kind: "invalid" });
  });
});

describe("chart colours", () => {
  const farApart = (colours: string[]) => {
    for (const [i, a] of colours.entries()) for (const b of colours.slice(i + 1)) expect(colourDistance(a, b), `${a} vs ${b}`).toBeGreaterThan(60);
  };

  it("gives every delivery state its own colour, far from the others", () => {
    expect(Object.keys(STATE_COLOURS).sort()).toEqual([...DELIVERY_STATES].sort());
    farApart(Object.values(STATE_COLOURS));
  });

  it("gives the four timing series colours far apart", () => {
    farApart(Object.values(TIMING_COLOURS));
  });
});

describe("the promise a manual delay notice names", () => {
  const base = { orderId: "gid://shopify/Order/1", timeZone: "Asia/Jakarta", carrierReportsDelay: false } as const;

  it("is the one the scheduled check names for the same order, so the check finds the notice already sent", () => {
    const facts = { ...base, shipmentStatus: "in_transit" as const, promise: { earliest: "2026-11-10", latest: "2026-11-12", dispatchDate: null }, carrierEstimateAt: null };
    const verdict = detectDelay(facts, new Date("2026-11-14T00:00:00Z"))!;
    expect(verdict.dedupeKey).toBe(delayDedupeKey(facts.orderId, promisedLatestOf(facts)));
  });

  it("falls back to the carrier's estimate, as a shop-local day", () => {
    const facts = { ...base, promise: null, carrierEstimateAt: new Date("2026-11-12T18:00:00Z") };
    expect(promisedLatestOf(facts)).toBe("2026-11-13");
  });
});
