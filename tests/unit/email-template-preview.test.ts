import { describe, expect, it } from "vitest";
import { previewEmail } from "../../app/email/template-preview";
import { DEFAULT_TEMPLATES } from "../../app/email/templates";

const context = { shopName: "Kopi & Co", contactLine: "Questions? Reach us at help@kopi.test." };

describe("email preview", () => {
  it("fills every placeholder of the default delay notice with sample data", () => {
    const email = previewEmail("delay_notice", DEFAULT_TEMPLATES.delay_notice, context);
    expect(email.subject).toBe("An update on your order #1001");
    expect(email.text).not.toMatch(/\{[a-z_]+\}/);
    expect(email.html).toContain("Kopi &amp; Co");
    expect(email.text).toContain("help@kopi.test");
  });

  it("keeps the survey's answer links whatever the merchant writes", () => {
    const email = previewEmail("survey", { subject: "Hi", body: "Just one thing." }, { ...context, survey: { question: "Q?", caption: "0 = no, 10 = yes", scale: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } });
    expect((email.html.match(/score=\d+/g) ?? []).length).toBe(11);
    expect(email.text).toContain("0 = no, 10 = yes");
  });

  it("drops the discount paragraph of the anniversary email when there is no discount", () => {
    const withCode = previewEmail("anniversary", DEFAULT_TEMPLATES.anniversary, { ...context, discountLine: "Here is 10% off with THANKYOU-1." });
    const without = previewEmail("anniversary", DEFAULT_TEMPLATES.anniversary, { ...context, discountLine: "" });
    expect(withCode.text).toContain("THANKYOU-1");
    expect(without.text).not.toContain("THANKYOU");
    expect(without.html.split("<p").length).toBe(withCode.html.split("<p").length - 1);
  });
});
