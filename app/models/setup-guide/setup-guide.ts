/*
 * The setup-guide folder: what a merchant has left to do after installing.
 * Pure core: setup-guide.ts (steps), theme-status.ts, theme-deep-links.ts (theme editor links).
 * Server side: setup-guide.server.ts (gathers the facts), theme-status.server.ts (reads the live theme).
 */
/**
 * The admin home's setup guide: which steps are done, and where each one is finished. Pure: the facts
 * (theme status, saved settings, outbox) are gathered by setup-guide.server.ts.
 */
import { checkoutEditorUrl } from "./checkout-deep-links";
import { activateAppEmbedUrl, addAppBlockUrl, type DeepLinkContext } from "./theme-deep-links";
import { APP_EMBED_HANDLE, type ThemeLiveStatus } from "./theme-status";

export const SETUP_STEP_IDS = [
  "app-embed",
  "delivery-estimate",
  "return-policy",
  "shipping-zones",
  "return-window",
  "review-timing",
  "thank-you-block",
  "order-status-block",
  "test-email",
] as const;
export type SetupStepId = (typeof SETUP_STEP_IDS)[number];

/** Steps the app cannot verify, which the merchant ticks by hand. */
export const MANUAL_STEP_IDS: readonly SetupStepId[] = ["thank-you-block", "order-status-block", "test-email"];

/** done / todo, or unknown when the app could not check (the theme could not be read). */
export type StepStatus = "done" | "todo" | "unknown";

export interface StepAction {
  label: string;
  url: string;
  /** A link into the Shopify admin (theme editor), opened outside the app's frame. */
  external: boolean;
}

export interface SetupStep {
  id: SetupStepId;
  title: string;
  description: string;
  status: StepStatus;
  action: StepAction | null;
  /** The app has no place to do this yet: shown, but not counted. */
  comingSoon: boolean;
  /** The merchant may tick (or untick) this step. */
  manual: boolean;
}

type ThemeFacts = ThemeLiveStatus;

export interface SetupFacts extends DeepLinkContext {
  theme: ThemeFacts;
  shippingZoneCount: number;
  returnWindowDays: number | null;
  reviewRequestsEnabled: boolean;
  sentEmailCount: number;
  /** A test email from the email settings page reached the SMTP server. */
  testEmailSent?: boolean;
  /** Thank-you page survey answers received: the block is live on the shop's checkout. */
  checkoutSurveyAnswerCount?: number;
  manualDone: readonly SetupStepId[];
}

export interface SetupGuide {
  steps: SetupStep[];
  /** Counted steps done, and how many are counted (coming-soon steps are not). */
  completed: number;
  total: number;
  /** One line on whether Aftercare shows on the live theme, or why that could not be checked. */
  liveSummary: string;
  /** The facts behind liveSummary, for an admin that words it in the merchant's language. */
  theme: ThemeFacts;
}

const status = (done: boolean): StepStatus => (done ? "done" : "todo");

function themeStep(theme: ThemeFacts, isDone: (theme: Extract<ThemeFacts, { checked: true }>) => boolean): StepStatus {
  return theme.checked ? status(isDone(theme)) : "unknown";
}

function liveSummary(theme: ThemeFacts): string {
  if (!theme.checked) return `Could not check your theme: ${theme.reason}.`;
  const embed = {
    enabled: "the Aftercare app embed is on",
    disabled: "the Aftercare app embed is switched off",
    missing: "the Aftercare app embed has not been switched on",
  }[theme.embed];
  const blocks = theme.productBlocks.length === 0
    ? "no Aftercare block is on the product page"
    : `the product page shows ${theme.productBlocks.join(", ")}`;
  return `In your live theme "${theme.themeName}", ${embed} and ${blocks}.`;
}

export function buildSetupGuide(facts: SetupFacts): SetupGuide {
  const { theme } = facts;
  const manual = (id: SetupStepId) => facts.manualDone.includes(id);
  const productBlock = (handle: string) => themeStep(theme, (t) => t.productBlocks.includes(handle));

  const steps: SetupStep[] = [
    {
      id: "app-embed",
      title: "Turn on the Aftercare app embed",
      description: "The app embed shows shipping banners across your store. Switch it on in the theme editor and save.",
      status: themeStep(theme, (t) => t.embed === "enabled"),
      action: { label: "Turn on in theme editor", url: activateAppEmbedUrl(facts, APP_EMBED_HANDLE), external: true },
      comingSoon: false,
      manual: false,
    },
    {
      id: "delivery-estimate",
      title: "Add the delivery estimate to product pages",
      description: "Shoppers see when their order arrives, right next to the buy button.",
      status: productBlock("delivery-estimate"),
      action: { label: "Add to product page", url: addAppBlockUrl(facts, "delivery-estimate", "product"), external: true },
      comingSoon: false,
      manual: false,
    },
    {
      id: "return-policy",
      title: "Add the return policy to product pages",
      description: "Shoppers see how long they have to return an item before they buy it.",
      status: productBlock("return-policy"),
      action: { label: "Add to product page", url: addAppBlockUrl(facts, "return-policy", "product"), external: true },
      comingSoon: false,
      manual: false,
    },
    {
      id: "shipping-zones",
      title: "Set your shipping zones",
      description: "Processing and transit times per zone drive every delivery estimate.",
      status: status(facts.shippingZoneCount > 0),
      action: { label: "Set shipping zones", url: "/app/shipping", external: false },
      comingSoon: false,
      manual: false,
    },
    {
      id: "return-window",
      title: "Set your return window",
      description: "How many days shoppers have to return an order.",
      status: status(facts.returnWindowDays !== null),
      action: { label: "Set return window", url: "/app/returns/rules", external: false },
      comingSoon: false,
      manual: false,
    },
    {
      id: "review-timing",
      title: "Choose when to ask for reviews",
      description: "Choose how many days after delivery Aftercare asks for a review, and switch requests on.",
      status: status(facts.reviewRequestsEnabled),
      action: { label: "Set review timing", url: "/app/reviews", external: false },
      comingSoon: false,
      manual: false,
    },
    {
      id: "thank-you-block",
      title: "Add the Thank-you block",
      description: "Shoppers tell you how they heard about you and see when their order arrives, right after paying. Add the Aftercare block on the Thank you page in the checkout editor and save. This step ticks itself once a shopper answers, or mark it done yourself.",
      status: status((facts.checkoutSurveyAnswerCount ?? 0) > 0 || manual("thank-you-block")),
      action: { label: "Open the checkout editor", url: checkoutEditorUrl(facts, "thank-you"), external: true },
      comingSoon: false,
      manual: true,
    },
    {
      id: "order-status-block",
      title: "Add the Order-status block",
      description: "Customers see where their order is, can ask for help and review what arrived, on the order status page of their account. Add the Aftercare block there in the checkout and accounts editor and save, then mark this step done.",
      status: status(manual("order-status-block")),
      action: { label: "Open the accounts editor", url: checkoutEditorUrl(facts, "order-status"), external: true },
      comingSoon: false,
      manual: true,
    },
    {
      id: "test-email",
      title: "Send a test email",
      description: "Check that Aftercare's emails reach your inbox: save your sending server, then send a test email to yourself. This step ticks itself once one is sent, or mark it done yourself.",
      status: status(facts.testEmailSent === true || facts.sentEmailCount > 0 || manual("test-email")),
      action: { label: "Send a test email", url: "/app/settings/email", external: false },
      comingSoon: false,
      manual: true,
    },
  ];
  const counted = steps.filter((step) => !step.comingSoon);
  return {
    steps,
    completed: counted.filter((step) => step.status === "done").length,
    total: counted.length,
    liveSummary: liveSummary(theme),
    theme,
  };
}
