import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReviewFunnelCard } from "~/components/reviews/ReviewFunnelCard";
import { ReviewModerationList, type ModerationReview } from "~/components/reviews/ReviewModerationList";
import { computeReviewFunnel } from "~/models/reviews/funnel";

const html = (element: ReactElement) => renderToString(<AppProvider i18n={en}>{element}</AppProvider>);
const text = (markup: string) => markup.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const review: ModerationReview = {
  id: "r1",
  productTitle: "Enamel mug",
  rating: 4,
  title: "Nice",
  body: "Good mug",
  authorName: "Dewi",
  verified: true,
  status: "published",
  rejectReason: null,
  createdAt: "2026-06-09T08:00:00.000Z",
  reply: `Thanks! <img src=x onerror=alert(1)>`,
  photoUrls: ["https://kopi.myshopify.com/apps/aftercare/review-photo?id=p1"],
};
const noop = () => {};

describe("review request funnel card", () => {
  it("shows the three counts, the rates and why opens may be inflated", () => {
    const funnel = computeReviewFunnel({ sent: ["a", "b", "c", "d"], opened: ["a", "b"], reviewed: ["a"] });
    const page = text(html(<ReviewFunnelCard funnel={funnel} days={30} onDaysChange={noop} />));
    expect(page).toContain("Sent 4");
    expect(page).toContain("Opened 2 50% of sent");
    expect(page).toContain("Reviewed 1 50% of opened");
    expect(page).toContain("Conversion: 25% of requests became a review.");
    expect(page).toContain("Some mail services check every link");
  });

  it("shows a dash instead of a rate when nothing was sent", () => {
    const page = text(html(<ReviewFunnelCard funnel={computeReviewFunnel({ sent: [], opened: [], reviewed: [] })} days={7} onDaysChange={noop} />));
    expect(page).toContain("Conversion: – of requests became a review.");
  });
});

describe("moderation list with replies and photos", () => {
  it("shows the photo thumbnail and the reply as inert text, with edit and remove", () => {
    const markup = html(<ReviewModerationList reviews={[review]} busy={false} onReject={noop} onPublish={noop} onReply={noop} onRemoveReply={noop} />);
    expect(markup).toContain('src="https://kopi.myshopify.com/apps/aftercare/review-photo?id=p1"');
    expect(markup).not.toContain("<img src=x");
    expect(markup).toContain("Thanks! &lt;img src=x onerror=alert(1)&gt;");
    expect(text(markup)).toContain("Your public reply");
    expect(text(markup)).toContain("Edit reply");
    expect(text(markup)).toContain("Remove reply");
  });

  it("opens the reply field with the server's message when a reply was refused", () => {
    const markup = text(
      html(
        <ReviewModerationList
          reviews={[{ ...review, reply: null }]}
          busy={false}
          onReject={noop}
          onPublish={noop}
          onReply={noop}
          onRemoveReply={noop}
          replyError={{ id: "r1", message: "Keep the reply under 1,500 characters" }}
        />,
      ),
    );
    expect(markup).toContain("Public reply");
    expect(markup).toContain("Keep the reply under 1,500 characters");
  });

  it("offers a reply on a review without one", () => {
    const markup = text(html(<ReviewModerationList reviews={[{ ...review, reply: null }]} busy={false} onReject={noop} onPublish={noop} onReply={noop} onRemoveReply={noop} />));
    expect(markup).toContain("Reply publicly");
    expect(markup).not.toContain("Your public reply");
  });
});
