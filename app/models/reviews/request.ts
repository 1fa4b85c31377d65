/**
 * The review request email: five one-click star links, each opening the review form with that rating
 * chosen (nothing is recorded by the click itself). Pure: no I/O.
 */
import { EMAIL_STRINGS } from "../../email/email-strings";
import { emailLanguage, type EmailLanguage } from "../../email/language";
import { renderEmail, type EmailTemplateText, type RenderedEmail } from "../../email/render";
import { RATINGS } from "./review";
import { reviewLinkUrl } from "./token";

export type ReviewEmailKind = "review_request" | "review_reminder";

export const REVIEW_REQUEST_TEMPLATE: EmailTemplateText = {
  subject: "How do you like {product_title}?",
  body: ["Hi {first_name},", "Your order {order_name} from {shop_name} has arrived. How do you like {product_title}? One click on a star opens a short form.", "{contact_line}", "Thank you,\n{shop_name}"].join("\n\n"),
};

export const REVIEW_REMINDER_TEMPLATE: EmailTemplateText = {
  subject: "A last word on {product_title}?",
  body: ["Hi {first_name},", "If you have a minute, other shoppers would love to hear what you think of {product_title} from your order {order_name}. This is the only reminder we send.", "{contact_line}", "Thank you,\n{shop_name}"].join("\n\n"),
};

/** The review emails' wording per shopper language (English above). */
export const REVIEW_TEMPLATES: Record<EmailLanguage, Record<ReviewEmailKind, EmailTemplateText>> = {
  en: { review_request: REVIEW_REQUEST_TEMPLATE, review_reminder: REVIEW_REMINDER_TEMPLATE },
  id: {
    review_request: {
      subject: "Bagaimana pendapat Anda tentang {product_title}?",
      body: [
        "Halo {first_name},",
        "Pesanan {order_name} Anda dari {shop_name} sudah tiba. Bagaimana pendapat Anda tentang {product_title}? Satu klik pada bintang membuka formulir singkat.",
        "{contact_line}",
        "Terima kasih,\n{shop_name}",
      ].join("\n\n"),
    },
    review_reminder: {
      subject: "Sepatah kata tentang {product_title}?",
      body: [
        "Halo {first_name},",
        "Jika Anda punya waktu sebentar, pembeli lain ingin sekali tahu pendapat Anda tentang {product_title} dari pesanan {order_name}. Ini satu-satunya pengingat yang kami kirim.",
        "{contact_line}",
        "Terima kasih,\n{shop_name}",
      ].join("\n\n"),
    },
  },
};


export function reviewDedupeKey(kind: ReviewEmailKind, orderId: string, lineItemId: string): string {
  return `${kind === "review_request" ? "review" : "review-reminder"}:${orderId}:${lineItemId}`;
}

export const starLabel = (rating: number, language: EmailLanguage = "en") => EMAIL_STRINGS[language].starLabel(rating);

export interface ReviewEmailInput {
  kind: ReviewEmailKind;
  firstName: string | null;
  orderName: string;
  productTitle: string;
  shopName: string;
  /** The contact line in each email language ("" when the shop offers no channel). */
  contactLines: Record<EmailLanguage, string>;
  proxyBaseUrl: string;
  token: string;
  /** The order's customer locale ("id-ID"); the email is in that language when we have it. */
  locale: string | null;
  /** The shop's primary language, the fallback when the customer's is not one we have. */
  shopLocale?: string | null;
}

export function renderReviewEmail(input: ReviewEmailInput): RenderedEmail {
  const language = emailLanguage(input.locale, input.shopLocale);
  const words = EMAIL_STRINGS[language];
  return renderEmail({
    template: REVIEW_TEMPLATES[language][input.kind],
    locale: language,
    values: {
      first_name: input.firstName ?? words.firstNameFallback,
      order_name: input.orderName,
      product_title: input.productTitle,
      shop_name: input.shopName,
      contact_line: input.contactLines[language],
    },
    actions: [
      {
        caption: words.reviewCaption,
        links: RATINGS.map((rating) => ({ label: words.starLabel(rating), url: reviewLinkUrl(input.proxyBaseUrl, input.token, rating) })),
      },
    ],
    footer: words.reviewFooter(input.productTitle, input.shopName),
  });
}
