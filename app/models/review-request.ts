/**
 * The review request email: five one-click star links, each opening the review form with that rating
 * chosen (nothing is recorded by the click itself). Pure: no I/O.
 */
import { renderEmail, type EmailTemplateText, type RenderedEmail } from "../email/render";
import { RATINGS } from "./review";
import { reviewLinkUrl } from "./review-token";

export const REVIEW_REQUEST_TEMPLATE: EmailTemplateText = {
  subject: "How do you like {product_title}?",
  body: ["Hi {first_name},", "Your order {order_name} from {shop_name} has arrived. How do you like {product_title}? One click on a star opens a short form.", "{contact_line}"].join("\n\n"),
};

export const REVIEW_REMINDER_TEMPLATE: EmailTemplateText = {
  subject: "A last word on {product_title}?",
  body: ["Hi {first_name},", "If you have a minute, other shoppers would love to hear what you think of {product_title} from your order {order_name}. This is the only reminder we send.", "{contact_line}"].join("\n\n"),
};

export type ReviewEmailKind = "review_request" | "review_reminder";

export function reviewDedupeKey(kind: ReviewEmailKind, orderId: string, lineItemId: string): string {
  return `${kind === "review_request" ? "review" : "review-reminder"}:${orderId}:${lineItemId}`;
}

export const starLabel = (rating: number) => `${"★".repeat(rating)}${"☆".repeat(5 - rating)} ${rating} star${rating === 1 ? "" : "s"}`;

export interface ReviewEmailInput {
  kind: ReviewEmailKind;
  firstName: string | null;
  orderName: string;
  productTitle: string;
  shopName: string;
  contactLine: string;
  proxyBaseUrl: string;
  token: string;
  locale: string | null;
}

export function renderReviewEmail(input: ReviewEmailInput): RenderedEmail {
  return renderEmail({
    template: input.kind === "review_request" ? REVIEW_REQUEST_TEMPLATE : REVIEW_REMINDER_TEMPLATE,
    locale: input.locale ?? "en",
    values: {
      first_name: input.firstName ?? "there",
      order_name: input.orderName,
      product_title: input.productTitle,
      shop_name: input.shopName,
      contact_line: input.contactLine,
    },
    actions: [
      {
        caption: "Rate it from 1 to 5 stars (you can add a photo on the next page):",
        links: RATINGS.map((rating) => ({ label: starLabel(rating), url: reviewLinkUrl(input.proxyBaseUrl, input.token, rating) })),
      },
    ],
    footer: `You receive this email because you ordered ${input.productTitle} from ${input.shopName}. We ask once per item, with at most one reminder.`,
  });
}
