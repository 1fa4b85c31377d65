import { describe, expect, it } from "vitest";
import { ratingMetafieldValue, reviewSubmissionSchema, summarizeRatings } from "../../../app/models/reviews/review";
import { REVIEW_LINK_DAYS, signReviewToken, verifyReviewToken } from "../../../app/models/reviews/token";
import { reviewFormPage } from "../../../app/models/reviews/page";
import { renderReviewEmail } from "../../../app/models/reviews/request";
import { signSurveyToken } from "../../../app/models/surveys/survey";

const now = new Date("2026-05-01T00:00:00Z");
const secret = "s3cret";
const payload = { shop: "kopi.myshopify.com", orderId: "gid://shopify/Order/1", lineItemId: "gid://shopify/LineItem/11" };

describe("review links", () => {
  it("open for 60 days, for this purpose and secret only", () => {
    const token = signReviewToken(payload, secret, now);
    expect(verifyReviewToken(token, secret, now)).toMatchObject({ ok: true, payload });
    const lastMoment = new Date(now.getTime() + REVIEW_LINK_DAYS * 86_400_000 - 1000);
    expect(verifyReviewToken(token, secret, lastMoment).ok).toBe(true);
    expect(verifyReviewToken(token, secret, new Date(now.getTime() + REVIEW_LINK_DAYS * 86_400_000))).toEqual({ ok: false, reason: "expired" });
    expect(verifyReviewToken(token, "other", now)).toEqual({ ok: false, reason: "bad_signature" });
    // A survey link for the same order does not open the review form.
    const survey = signSurveyToken({ shop: payload.shop, orderId: payload.orderId, kind: "csat" }, secret, now);
    expect(verifyReviewToken(survey, secret, now)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("carry five star links in the email, the first and last rating included", () => {
    const email = renderReviewEmail({
      kind: "review_request",
      firstName: "Dewi",
      orderName: "#1001",
      productTitle: "Gayo <beans>",
      shopName: "Kopi",
      contactLines: { en: "", id: "" },
      proxyBaseUrl: "https://kopi.myshopify.com/apps/aftercare",
      token: "abc.def",
      locale: "en",
    });
    const links = [...email.html.matchAll(/href="([^"]+)"/g)].map((match) => new URL(match[1].replace(/&amp;/g, "&")));
    expect(links.map((url) => url.searchParams.get("rating"))).toEqual(["1", "2", "3", "4", "5"]);
    expect(links.every((url) => url.pathname === "/apps/aftercare/review" && url.searchParams.get("token") === "abc.def")).toBe(true);
    expect(email.subject).toBe("How do you like Gayo <beans>?");
    expect(email.html).toContain("Gayo &lt;beans&gt;");
  });
});

describe("a review as posted", () => {
  it("needs 1 to 5 whole stars and some words, and keeps the text as written", () => {
    const base = { token: "t", title: "  <b>Nice</b> ", body: "Great {{ shop.name }}" };
    expect(reviewSubmissionSchema.safeParse({ ...base, rating: "0" }).success).toBe(false);
    expect(reviewSubmissionSchema.safeParse({ ...base, rating: "6" }).success).toBe(false);
    expect(reviewSubmissionSchema.safeParse({ ...base, rating: "4.5" }).success).toBe(false);
    expect(reviewSubmissionSchema.safeParse({ ...base, rating: "5", body: "   " }).success).toBe(false);
    expect(reviewSubmissionSchema.parse({ ...base, rating: "1" })).toEqual({ token: "t", rating: 1, title: "<b>Nice</b>", body: "Great {{ shop.name }}" });
  });

  it("is shown back escaped for HTML and Liquid", () => {
    const html = reviewFormPage({
      action: "/apps/aftercare/review",
      token: "t",
      productTitle: "Mug",
      orderName: "#1",
      rating: 2,
      title: '"><script>alert(1)</script>',
      body: "{{ customer.email }}</textarea><img src=x onerror=alert(1)>",
    });
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("{{");
    expect(html).toContain('value="2" required checked');
  });
});

describe("rating summary", () => {
  it("averages published ratings and counts each star", () => {
    expect(summarizeRatings([5, 4, 4, 1])).toEqual({ average: 3.5, count: 4, distribution: [1, 0, 0, 2, 1] });
    expect(summarizeRatings([5, 4, 4])).toMatchObject({ average: 4.3 });
  });

  it("writes Shopify's rating value, and nothing when there is no review", () => {
    expect(JSON.parse(ratingMetafieldValue(summarizeRatings([5, 4]))!)).toEqual({ value: "4.5", scale_min: "1.0", scale_max: "5.0" });
    expect(ratingMetafieldValue(summarizeRatings([]))).toBeNull();
  });
});
