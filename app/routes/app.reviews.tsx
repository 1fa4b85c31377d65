import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineGrid, Layout, Page, Select, Text } from "@shopify/polaris";
import { RatingDistribution } from "../components/reviews/RatingDistribution";
import { ReviewFunnelCard } from "../components/reviews/ReviewFunnelCard";
import { ReviewModerationList } from "../components/reviews/ReviewModerationList";
import { useSavedToast } from "../components/settings-save-bar";
import { ReviewSettingsForm } from "../components/settings/review-settings-form";
import { translatorFor, useT, type Translate } from "../i18n";
import { REJECT_REASONS, RATINGS, type RejectReason } from "../models/reviews/review";
import { parseReviewQueueFilter, replySchemaFor } from "../models/reviews/admin";
import { listReviewedProducts, listReviewQueue, saveReviewReply } from "../models/reviews/admin.server";
import { parseFunnelPeriod } from "../models/reviews/funnel";
import { getReviewFunnel } from "../models/reviews/funnel.server";
import { reviewPhotoUrl } from "../models/reviews/photo.server";
import { publishReviewChange } from "../models/reviews/publishing.server";
import { reviewSettingsSchemaFor } from "../models/reviews/settings";
import { parseIn } from "../i18n/zod-messages";
import {
  closeHelpRequest,
  getReviewSettings,
  getShopRatingSummary,
  listHelpRequests,
  moderateReview,
  saveReviewSettings,
} from "../models/reviews/review.server";
import { authenticate } from "../shopify.server";

const isReason = (value: string | null): value is RejectReason => (REJECT_REASONS as readonly (string | null)[]).includes(value);

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { shop } = session;
  const url = new URL(request.url);
  const { filter, problems } = parseReviewQueueFilter(url.searchParams, translatorFor(request, session));
  const days = parseFunnelPeriod(url.searchParams.get("days"));
  const [reviews, products, helpRequests, summary, settings, funnel] = await Promise.all([
    listReviewQueue(shop, filter),
    listReviewedProducts(shop),
    listHelpRequests(shop),
    getShopRatingSummary(shop),
    getReviewSettings(shop),
    getReviewFunnel(shop, days),
  ]);
  return json({
    filter: {
      status: filter.status ?? "",
      reason: filter.rejectReason ?? "",
      rating: filter.rating ? String(filter.rating) : "",
      verified: filter.verified === undefined ? "" : filter.verified ? "yes" : "no",
      product: filter.productId ?? "",
    },
    filterProblems: problems,
    products,
    funnel: { ...funnel, since: funnel.since.toISOString(), days },
    reviews: reviews.map(({ photoIds, repliedAt, ...review }) => ({
      ...review,
      createdAt: review.createdAt.toISOString(),
      repliedAt: repliedAt?.toISOString() ?? null,
      // Photos are served through the app proxy only while the review is published.
      photoUrls: review.status === "published" ? photoIds.map((id) => reviewPhotoUrl(shop, id)) : [],
    })),
    helpRequests: helpRequests.map((help) => ({ ...help, createdAt: help.createdAt.toISOString() })),
    summary,
    settings: {
      enabled: settings.enabled,
      homeCountry: settings.homeCountry ?? "",
      domesticDeliveredDays: settings.domestic.deliveredDays,
      domesticFulfilledDays: settings.domestic.fulfilledDays,
      internationalDeliveredDays: settings.international.deliveredDays,
      internationalFulfilledDays: settings.international.fulfilledDays,
      reminderDays: settings.reminderDays,
      lowRatingThreshold: settings.lowRatingThreshold,
    },
  });
};

/** What a successful action did, for its toast. */
type Done = "reviewPublished" | "reviewRejected" | "replySaved" | "replyRemoved" | "settingsSaved";
type ActionResult = { ok: boolean; errors: Record<string, string>; publishError?: string; replyId?: string; done?: Done };

const published = (problems: string[], t: Translate, done: Done): ActionResult =>
  problems.length > 0 ? { ok: true, errors: {}, done, publishError: t("reviews.banners.savedWithProblems", { problems: problems.join(" ") }) } : { ok: true, errors: {}, done };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const t = translatorFor(request, session);
  const form = await request.formData();
  const intent = form.get("intent");
  const id = String(form.get("id") ?? "");

  if (intent === "reject" || intent === "publish") {
    const reason = String(form.get("reason") ?? "");
    if (intent === "reject" && !isReason(reason)) {
      return json<ActionResult>({ ok: false, errors: { reason: t("reviews.errors.chooseReason") } }, { status: 422 });
    }
    const decision = intent === "reject" ? { status: "rejected" as const, reason: reason as RejectReason } : { status: "published" as const };
    const moderated = await moderateReview(session.shop, id, decision);
    if (!moderated) return json<ActionResult>({ ok: false, errors: { id: t("reviews.errors.reviewGone") } }, { status: 404 });
    const { problems } = await publishReviewChange(session.shop, admin.graphql, { id, productId: moderated.productId }, t);
    return json<ActionResult>(published(problems, t, intent === "reject" ? "reviewRejected" : "reviewPublished"));
  }

  if (intent === "reply" || intent === "remove-reply") {
    const parsed = intent === "reply" ? parseIn(replySchemaFor(t), { id, reply: form.get("reply") ?? undefined }, t) : null;
    if (parsed && !parsed.success) {
      return json<ActionResult>({ ok: false, errors: { reply: parsed.error.issues[0]?.message ?? t("reviews.errors.checkReply") }, replyId: id }, { status: 422 });
    }
    const saved = await saveReviewReply(session.shop, id, parsed?.data.reply ?? null);
    if (!saved) return json<ActionResult>({ ok: false, errors: { id: t("reviews.errors.reviewGone") } }, { status: 404 });
    const { problems } = await publishReviewChange(session.shop, admin.graphql, saved, t);
    return json<ActionResult>(published(problems, t, intent === "reply" ? "replySaved" : "replyRemoved"));
  }

  if (intent === "close-help") {
    const closed = await closeHelpRequest(session.shop, id);
    return json<ActionResult>({ ok: closed, errors: closed ? {} : { id: t("reviews.errors.helpGone") } }, { status: closed ? 200 : 404 });
  }

  const parsed = parseIn(reviewSettingsSchemaFor(t), {
    enabled: form.get("enabled") === "on",
    homeCountry: form.get("homeCountry") ?? "",
    domesticDeliveredDays: form.get("domesticDeliveredDays"),
    domesticFulfilledDays: form.get("domesticFulfilledDays"),
    internationalDeliveredDays: form.get("internationalDeliveredDays"),
    internationalFulfilledDays: form.get("internationalFulfilledDays"),
    reminderDays: form.get("reminderDays"),
    lowRatingThreshold: form.get("lowRatingThreshold"),
  }, t);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    return json<ActionResult>({ ok: false, errors }, { status: 422 });
  }
  const input = parsed.data;
  await saveReviewSettings(session.shop, {
    enabled: input.enabled,
    homeCountry: input.homeCountry,
    domestic: { deliveredDays: input.domesticDeliveredDays, fulfilledDays: input.domesticFulfilledDays },
    international: { deliveredDays: input.internationalDeliveredDays, fulfilledDays: input.internationalFulfilledDays },
    reminderDays: input.reminderDays,
    lowRatingThreshold: input.lowRatingThreshold,
  });
  return json<ActionResult>({ ok: true, errors: {}, done: "settingsSaved" });
};

type FilterName = "status" | "reason" | "rating" | "verified" | "product" | "days";

/** The queue filters' choices, in the admin language. */
function filterOptions(t: Translate) {
  return {
    status: [
      { label: t("reviews.filters.allReviews"), value: "" },
      { label: t("reviews.filters.published"), value: "published" },
      { label: t("reviews.filters.rejected"), value: "rejected" },
    ],
    reason: [{ label: t("reviews.filters.anyReason"), value: "" }, ...REJECT_REASONS.map((reason) => ({ label: t(`reviews.rejectReasons.${reason}`), value: reason }))],
    rating: [{ label: t("reviews.filters.anyRating"), value: "" }, ...RATINGS.map((rating) => ({ label: t("reviews.filters.stars", { count: rating }), value: String(rating) }))],
    verified: [
      { label: t("reviews.filters.anyBuyer"), value: "" },
      { label: t("reviews.filters.verifiedBuyers"), value: "yes" },
      { label: t("reviews.filters.notVerified"), value: "no" },
    ],
  };
}

export default function ReviewsPage() {
  const { reviews, helpRequests, summary, settings, filter, filterProblems, products, funnel } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const savingSettings = navigation.state === "submitting" && !navigation.formData?.get("intent");
  const submit = useSubmit();
  const [, setSearchParams] = useSearchParams();
  const t = useT();
  const settingsErrors: Record<string, string> = result?.errors ?? {};
  useSavedToast(result?.ok && result.done ? result : null, result?.done ? t(`toasts.${result.done}`) : "");

  const options = filterOptions(t);
  const productOptions = [{ label: t("reviews.filters.anyProduct"), value: "" }, ...products.map((product) => ({ label: product.productTitle, value: product.productId }))];
  const setFilter = (name: FilterName, value: string) =>
    setSearchParams((params) => {
      if (value) params.set(name, value);
      else params.delete(name);
      return params;
    });

  return (
    <Page title={t("reviews.title")}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {filterProblems.length > 0 ? (
              <Banner tone="warning" title={t("reviews.banners.filtersNotUnderstood")}>
                <BlockStack gap="100">{filterProblems.map((problem) => <Text as="p" key={problem}>{problem}</Text>)}</BlockStack>
              </Banner>
            ) : null}
            {result?.publishError ? <Banner tone="warning" title={t("reviews.banners.shopifyNotUpdated")}><Text as="p">{result.publishError}</Text></Banner> : null}
            {result && !result.ok ? (
              <Banner tone="critical" title={t("reviews.banners.failed")}>
                <BlockStack gap="100">{Object.values(result.errors).map((message) => <Text as="p" key={message}>{message}</Text>)}</BlockStack>
              </Banner>
            ) : null}
            <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
              <Select label={t("reviews.filters.status")} options={options.status} value={filter.status} onChange={(value) => setFilter("status", value)} />
              <Select label={t("reviews.filters.reason")} options={options.reason} value={filter.reason} onChange={(value) => setFilter("reason", value)} />
              <Select label={t("reviews.filters.rating")} options={options.rating} value={filter.rating} onChange={(value) => setFilter("rating", value)} />
              <Select label={t("reviews.filters.buyer")} options={options.verified} value={filter.verified} onChange={(value) => setFilter("verified", value)} />
              <Select label={t("reviews.filters.product")} options={productOptions} value={filter.product} onChange={(value) => setFilter("product", value)} />
            </InlineGrid>
            <ReviewModerationList
              reviews={reviews}
              busy={busy}
              onReject={(id, reason) => submit({ intent: "reject", id, reason }, { method: "post" })}
              onPublish={(id) => submit({ intent: "publish", id }, { method: "post" })}
              onReply={(id, reply) => submit({ intent: "reply", id, reply }, { method: "post" })}
              onRemoveReply={(id) => submit({ intent: "remove-reply", id }, { method: "post" })}
              replyError={result?.replyId && result.errors.reply ? { id: result.replyId, message: result.errors.reply } : null}
            />
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">{t("reviews.help.title")}</Text>
                <Text as="p" tone="subdued">{t("reviews.help.description")}</Text>
                {helpRequests.length === 0 ? <Text as="p">{t("reviews.help.empty")}</Text> : null}
                {helpRequests.map((help) => (
                  <BlockStack key={help.id} gap="100">
                    <Text as="p" fontWeight="semibold">{t(help.state === "open" ? "reviews.help.open" : "reviews.help.done", { order: help.orderName ?? help.orderId })}</Text>
                    {help.message ? <Text as="p">{help.message}</Text> : null}
                    {help.state === "open" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="close-help" />
                        <input type="hidden" name="id" value={help.id} />
                        <Button submit disabled={busy}>{t("reviews.help.markHandled")}</Button>
                      </Form>
                    ) : null}
                  </BlockStack>
                ))}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <RatingDistribution average={summary.average} count={summary.count} distribution={summary.distribution} />
            <ReviewFunnelCard funnel={funnel} days={funnel.days} onDaysChange={(value) => setFilter("days", value)} />
            <ReviewSettingsForm
              key={JSON.stringify(settings)}
              settings={settings}
              errors={settingsErrors}
              savedResult={result?.done === "settingsSaved" ? result : null}
              saving={savingSettings}
            />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
