import { describe, expect, it } from "vitest";
import en from "../../../app/i18n/locales/en.json";
import id from "../../../app/i18n/locales/id.json";
import { buildSetupGuide, type SetupFacts } from "../../../app/models/setup-guide/setup-guide";

const facts = (changes: Partial<SetupFacts> = {}): SetupFacts => ({
  shop: "aftercare-demo.myshopify.com",
  apiKey: "demo-key",
  theme: { checked: true, themeName: "Dawn", embed: "missing", productBlocks: [] },
  shippingZoneCount: 0,
  returnWindowDays: null,
  reviewRequestsEnabled: false,
  sentEmailCount: 0,
  manualDone: [],
  ...changes,
});

const statuses = (input: SetupFacts) => Object.fromEntries(buildSetupGuide(input).steps.map((step) => [step.id, step.status]));

describe("setup guide steps", () => {
  it("names every step's button in both admin languages (a button without words is a blank link)", () => {
    const withAction = buildSetupGuide(facts()).steps.filter((step) => step.action);
    expect(withAction.length).toBeGreaterThan(0);
    for (const messages of [en, id]) {
      const steps = messages.setupGuide.steps as Record<string, { action?: string }>;
      for (const step of withAction) expect(steps[step.id]?.action?.trim(), `${step.id} button`).toBeTruthy();
    }
  });

  it("counts only steps the merchant can finish today", () => {
    const guide = buildSetupGuide(facts());
    expect(guide.total).toBe(9);
    expect(guide.steps.find((step) => step.id === "review-timing")).toMatchObject({ status: "todo", action: { url: "/app/reviews" } });
  });

  it("ticks every step the shop has finished, and counts them", () => {
    const done = facts({
      theme: { checked: true, themeName: "Dawn", embed: "enabled", productBlocks: ["delivery-estimate", "return-policy"] },
      shippingZoneCount: 2,
      returnWindowDays: 30,
      reviewRequestsEnabled: true,
      sentEmailCount: 1,
      checkoutSurveyAnswerCount: 3,
      manualDone: ["order-status-block"],
    });

    expect(statuses(done)).toEqual({
      "app-embed": "done",
      "delivery-estimate": "done",
      "return-policy": "done",
      "shipping-zones": "done",
      "return-window": "done",
      "review-timing": "done",
      "thank-you-block": "done",
      "order-status-block": "done",
      "test-email": "done",
    });
    expect(buildSetupGuide(done)).toMatchObject({ completed: 9, total: 9 });
    expect(buildSetupGuide(done).liveSummary).toBe(
      'In your live theme "Dawn", the Aftercare app embed is on and the product page shows delivery-estimate, return-policy.',
    );
  });

  it("lets the merchant tick the test email when no email has gone out yet", () => {
    expect(statuses(facts({ manualDone: ["test-email"] }))["test-email"]).toBe("done");
    expect(statuses(facts())["test-email"]).toBe("todo");
  });

  it("ticks the test email once a test email from the settings page went out", () => {
    expect(statuses(facts({ testEmailSent: true }))["test-email"]).toBe("done");
    expect(buildSetupGuide(facts()).steps.find((step) => step.id === "test-email")?.action?.url).toBe("/app/settings/email");
  });

  it("opens the checkout and accounts editor on the page each UI extension block goes, ready to add it", () => {
    const steps = buildSetupGuide(facts()).steps;
    expect(steps.find((step) => step.id === "thank-you-block")).toMatchObject({
      status: "todo",
      manual: true,
      action: { url: "https://aftercare-demo.myshopify.com/admin/settings/checkout/editor?page=thank-you&context=apps", external: true },
    });
    expect(steps.find((step) => step.id === "order-status-block")).toMatchObject({
      status: "todo",
      manual: true,
      action: { url: "https://aftercare-demo.myshopify.com/admin/settings/checkout/editor?page=order-status&context=apps", external: true },
    });
    expect(() => buildSetupGuide(facts({ shop: "shop.example.com" }))).toThrow(/myshopify\.com/);
  });

  it("ticks the Thank-you block once a shopper answered its survey, and either block when the merchant marks it done", () => {
    expect(statuses(facts({ checkoutSurveyAnswerCount: 1 }))["thank-you-block"]).toBe("done");
    expect(statuses(facts({ manualDone: ["thank-you-block", "order-status-block"] }))).toMatchObject({ "thank-you-block": "done", "order-status-block": "done" });
    // Nothing tells the app the order status block is on the page: it waits for the merchant.
    expect(statuses(facts({ checkoutSurveyAnswerCount: 1 }))["order-status-block"]).toBe("todo");
  });

  it("marks theme steps unknown, not open, when the theme could not be read", () => {
    const guide = buildSetupGuide(facts({ theme: { checked: false, reason: "the shop has no published theme" }, shippingZoneCount: 1 }));

    expect(statuses(facts({ theme: { checked: false, reason: "x" } }))).toMatchObject({
      "app-embed": "unknown",
      "delivery-estimate": "unknown",
      "return-policy": "unknown",
    });
    expect(guide.completed).toBe(1);
    expect(guide.liveSummary).toBe("Could not check your theme: the shop has no published theme.");
  });
});
