import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, InlineGrid, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { RatingDistribution } from "../components/reviews/RatingDistribution";
import { ReviewModerationList } from "../components/reviews/ReviewModerationList";
import { REJECT_REASON_LABELS, REJECT_REASONS, type RejectReason, type ReviewStatus } from "../models/review";
import { republishProductRating } from "../models/review-publishing.server";
import { reviewSettingsSchema } from "../models/review-settings";
import {
  closeHelpRequest,
  getReviewSettings,
  getShopRatingSummary,
  listHelpRequests,
  listReviews,
  moderateReview,
  saveReviewSettings,
} from "../models/review.server";
import { authenticate } from "../shopify.server";

const isStatus = (value: string | null): value is ReviewStatus => value === "published" || value === "rejected";
const isReason = (value: string | null): value is RejectReason => (REJECT_REASONS as readonly (string | null)[]).includes(value);

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const status = url.searchParams.get("status");
  const reason = url.searchParams.get("reason");
  const filter = { ...(isStatus(status) ? { status } : {}), ...(isReason(reason) ? { rejectReason: reason } : {}) };
  const [reviews, helpRequests, summary, settings] = await Promise.all([
    listReviews(session.shop, filter),
    listHelpRequests(session.shop),
    getShopRatingSummary(session.shop),
    getReviewSettings(session.shop),
  ]);
  return json({
    filter: { status: isStatus(status) ? status : "", reason: isReason(reason) ? reason : "" },
    reviews: reviews.map((review) => ({ ...review, createdAt: review.createdAt.toISOString() })),
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
    },
  });
};

type ActionResult = { ok: boolean; errors: Record<string, string>; publishError?: string };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const id = String(form.get("id") ?? "");

  if (intent === "reject" || intent === "publish") {
    const reason = String(form.get("reason") ?? "");
    if (intent === "reject" && !isReason(reason)) {
      return json<ActionResult>({ ok: false, errors: { reason: "Choose why the review breaks the rules" } }, { status: 422 });
    }
    const decision = intent === "reject" ? { status: "rejected" as const, reason: reason as RejectReason } : { status: "published" as const };
    const moderated = await moderateReview(session.shop, id, decision);
    if (!moderated) return json<ActionResult>({ ok: false, errors: { id: "This review no longer exists" } }, { status: 404 });
    try {
      await republishProductRating(session.shop, admin.graphql, moderated.productId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return json<ActionResult>({ ok: true, errors: {}, publishError: `Saved, but the product rating was not updated on Shopify: ${message}` });
    }
    return json<ActionResult>({ ok: true, errors: {} });
  }

  if (intent === "close-help") {
    const closed = await closeHelpRequest(session.shop, id);
    return json<ActionResult>({ ok: closed, errors: closed ? {} : { id: "This help request no longer exists" } }, { status: closed ? 200 : 404 });
  }

  const parsed = reviewSettingsSchema.safeParse({
    enabled: form.get("enabled") === "on",
    homeCountry: form.get("homeCountry") ?? "",
    domesticDeliveredDays: form.get("domesticDeliveredDays"),
    domesticFulfilledDays: form.get("domesticFulfilledDays"),
    internationalDeliveredDays: form.get("internationalDeliveredDays"),
    internationalFulfilledDays: form.get("internationalFulfilledDays"),
    reminderDays: form.get("reminderDays"),
  });
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
  });
  return json<ActionResult>({ ok: true, errors: {} });
};

const DAY_FIELDS = [
  ["domesticDeliveredDays", "Days after delivery (domestic)"],
  ["domesticFulfilledDays", "Days after shipping, when delivery is unknown (domestic)"],
  ["internationalDeliveredDays", "Days after delivery (international)"],
  ["internationalFulfilledDays", "Days after shipping, when delivery is unknown (international)"],
  ["reminderDays", "One reminder after (days, 0 = none)"],
] as const;

const STATUS_OPTIONS = [
  { label: "All reviews", value: "" },
  { label: "Published", value: "published" },
  { label: "Rejected", value: "rejected" },
];
const REASON_FILTER_OPTIONS = [{ label: "Any reason", value: "" }, ...REJECT_REASONS.map((reason) => ({ label: REJECT_REASON_LABELS[reason], value: reason }))];

export default function ReviewsPage() {
  const { reviews, helpRequests, summary, settings, filter } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const submit = useSubmit();
  const [, setSearchParams] = useSearchParams();
  const [draft, setDraft] = useState({ ...settings, ...Object.fromEntries(DAY_FIELDS.map(([name]) => [name, String(settings[name])])) });
  const errors: Record<string, string> = result?.errors ?? {};

  const setFilter = (name: "status" | "reason", value: string) =>
    setSearchParams((params) => {
      if (value) params.set(name, value);
      else params.delete(name);
      return params;
    });

  return (
    <Page title="Reviews">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.publishError ? <Text as="p" tone="critical">{result.publishError}</Text> : null}
            <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
              <Select label="Status" options={STATUS_OPTIONS} value={filter.status} onChange={(value) => setFilter("status", value)} />
              <Select label="Rejection reason" options={REASON_FILTER_OPTIONS} value={filter.reason} onChange={(value) => setFilter("reason", value)} />
            </InlineGrid>
            <ReviewModerationList
              reviews={reviews}
              busy={busy}
              onReject={(id, reason) => submit({ intent: "reject", id, reason }, { method: "post" })}
              onPublish={(id) => submit({ intent: "publish", id }, { method: "post" })}
            />
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Help requests</Text>
                <Text as="p" tone="subdued">Buyers who said their order did not arrive as expected. They could still leave a review.</Text>
                {helpRequests.length === 0 ? <Text as="p">No help requests.</Text> : null}
                {helpRequests.map((help) => (
                  <BlockStack key={help.id} gap="100">
                    <Text as="p" fontWeight="semibold">{`${help.orderName ?? help.orderId} · ${help.state === "open" ? "Open" : "Done"}`}</Text>
                    {help.message ? <Text as="p">{help.message}</Text> : null}
                    {help.state === "open" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="close-help" />
                        <input type="hidden" name="id" value={help.id} />
                        <Button submit disabled={busy}>Mark as handled</Button>
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
            <Card>
              <Form method="post">
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">Review requests</Text>
                  <Checkbox label="Email buyers a review request" name="enabled" checked={draft.enabled} onChange={(enabled) => setDraft({ ...draft, enabled })} />
                  <TextField
                    label="Your shop's country"
                    name="homeCountry"
                    autoComplete="country"
                    helpText="Orders shipping here count as domestic."
                    value={draft.homeCountry}
                    error={errors.homeCountry}
                    onChange={(homeCountry) => setDraft({ ...draft, homeCountry })}
                  />
                  {DAY_FIELDS.map(([name, label]) => (
                    <TextField
                      key={name}
                      label={label}
                      name={name}
                      type="number"
                      autoComplete="off"
                      value={String(draft[name])}
                      error={errors[name]}
                      onChange={(value) => setDraft({ ...draft, [name]: value })}
                    />
                  ))}
                  <Button submit variant="primary" loading={busy}>Save</Button>
                </BlockStack>
              </Form>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
