import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, InlineGrid, InlineStack, Layout, List, Modal, Page, ProgressBar, Text } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { PlanLimitBanner } from "../components/billing/plan-limit-banner";
import { env } from "../env.server";
import { cancelGrowthPlan, checkShopPlan, plansReturnUrl, requestGrowthPlan } from "../models/billing.server";
import { getBillingOverview } from "../models/billing-usage.server";
import { meteredNoun, percentUsed, type MeteredUsage } from "../models/plan-limits";
import { releaseHeldMessages } from "../models/plan-upgrade.server";
import { FREE_MONTHLY_REVIEW_REQUESTS, FREE_MONTHLY_SURVEYS, GROWTH_PRICE, GROWTH_TRIAL_DAYS, PLANS } from "../models/plans";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { billing, session } = await authenticate.admin(request);
  const now = new Date();
  const plan = await checkShopPlan(session.shop, billing, now);
  // Back from Shopify's approval page (`charge_id` added to the return URL): what waited goes out now.
  const returned = new URL(request.url).searchParams.has("charge_id");
  const released = returned && plan.plan === "growth" ? await releaseHeldMessages(plan, now) : null;
  const overview = await getBillingOverview(session.shop, released ? { ...plan, held: { review_request: 0, survey: 0 } } : plan, now);
  return json({
    plan: {
      key: plan.plan,
      title: PLANS[plan.plan].title,
      status: plan.status,
      test: plan.test,
      trialDays: plan.trialDays,
      currentPeriodEnd: plan.currentPeriodEnd?.toISOString() ?? null,
    },
    usage: overview.usage,
    nextMonthStarts: overview.month.nextMonthStarts,
    approval: returned ? (plan.plan === "growth" ? ("approved" as const) : ("declined" as const)) : null,
    released,
  });
};

const actionSchema = z.object({ intent: z.enum(["upgrade", "cancel"]) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { billing, session } = await authenticate.admin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false, error: "Unknown action." }, { status: 400 });

  if (parsed.data.intent === "upgrade") {
    // Throws the redirect to Shopify's approval page, out of the admin iframe.
    return requestGrowthPlan(billing, plansReturnUrl(session.shop, env().SHOPIFY_API_KEY));
  }
  const plan = await checkShopPlan(session.shop, billing);
  if (!plan.subscriptionId) return json({ ok: false, error: "There is no subscription to cancel: you are on the Free plan." }, { status: 409 });
  await cancelGrowthPlan(session.shop, billing, plan.subscriptionId);
  return json({ ok: true, error: null });
};

function UsageRow({ usage }: { usage: MeteredUsage }) {
  const label = meteredNoun(usage.kind, 2);
  const title = label.charAt(0).toUpperCase() + label.slice(1);
  return (
    <BlockStack gap="200">
      <InlineStack align="space-between">
        <Text as="h3" variant="headingSm" id={`usage-${usage.kind}`}>
          {title}
        </Text>
        <Text as="span" tone="subdued">
          {usage.limit === null ? `${usage.used} sent, unlimited` : `${usage.used} of ${usage.limit}`}
        </Text>
      </InlineStack>
      {usage.limit !== null && (
        <ProgressBar progress={percentUsed(usage)} tone={usage.used >= usage.limit ? "critical" : "primary"} size="small" ariaLabelledBy={`usage-${usage.kind}`} />
      )}
    </BlockStack>
  );
}

export default function PlansPage() {
  const { plan, usage, nextMonthStarts, approval, released } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const pendingIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const upgrade = () => submit({ intent: "upgrade" }, { method: "post" });
  const cancel = () => {
    setConfirmingCancel(false);
    submit({ intent: "cancel" }, { method: "post" });
  };
  const onGrowth = plan.key === "growth";
  const releasedCount = released ? released.reviewRequests + released.surveys : 0;

  return (
    <Page title="Plans" subtitle="Usage is counted per calendar month in your store's time zone.">
      <Layout>
        {approval === "approved" && (
          <Layout.Section>
            <Banner tone="success" title="You are on the Growth plan">
              <p>{releasedCount > 0 ? `${releasedCount} waiting emails are on their way.` : "Review requests and surveys are now unlimited."}</p>
            </Banner>
          </Layout.Section>
        )}
        {approval === "declined" && (
          <Layout.Section>
            <Banner tone="info" title="The subscription was not approved">
              <p>You stay on the Free plan. You can upgrade whenever you like.</p>
            </Banner>
          </Layout.Section>
        )}
        {result && !result.ok && result.error && (
          <Layout.Section>
            <Banner tone="critical">
              <p>{result.error}</p>
            </Banner>
          </Layout.Section>
        )}
        {!onGrowth && (
          <Layout.Section>
            <PlanLimitBanner usage={usage} nextMonthStarts={nextMonthStarts} upgrade={{ onAction: upgrade, loading: pendingIntent === "upgrade" }} />
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Current plan: {plan.title}
                </Text>
                {plan.test && <Badge tone="info">Test charge</Badge>}
                {onGrowth && plan.trialDays ? <Badge tone="success">{`${plan.trialDays}-day trial`}</Badge> : null}
              </InlineStack>
              {usage.map((row) => (
                <UsageRow key={row.kind} usage={row} />
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Free
                </Text>
                <Text as="p" variant="headingLg">
                  $0
                </Text>
                <List>
                  <List.Item>{FREE_MONTHLY_REVIEW_REQUESTS} review requests a month</List.Item>
                  <List.Item>{FREE_MONTHLY_SURVEYS} surveys a month</List.Item>
                  <List.Item>Over the limit, emails wait for next month: none are dropped</List.Item>
                </List>
                <Box>{!onGrowth && <Badge>Current plan</Badge>}</Box>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Growth
                </Text>
                <Text as="p" variant="headingLg">
                  {`$${GROWTH_PRICE.amount} ${GROWTH_PRICE.currencyCode} every 30 days`}
                </Text>
                <List>
                  <List.Item>Unlimited review requests and surveys</List.Item>
                  <List.Item>{GROWTH_TRIAL_DAYS}-day free trial, billed by Shopify</List.Item>
                </List>
                <Box>
                  {onGrowth ? (
                    <Button tone="critical" variant="plain" onClick={() => setConfirmingCancel(true)} loading={pendingIntent === "cancel"}>
                      Cancel subscription
                    </Button>
                  ) : (
                    <Button variant="primary" onClick={upgrade} loading={pendingIntent === "upgrade"}>
                      Upgrade to Growth
                    </Button>
                  )}
                </Box>
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
      </Layout>
      <Modal
        open={confirmingCancel}
        onClose={() => setConfirmingCancel(false)}
        title="Cancel the Growth plan?"
        primaryAction={{ content: "Cancel subscription", destructive: true, onAction: cancel }}
        secondaryActions={[{ content: "Keep Growth", onAction: () => setConfirmingCancel(false) }]}
      >
        <Modal.Section>
          <Text as="p">
            {`You go back to the Free plan at once: ${FREE_MONTHLY_REVIEW_REQUESTS} review requests and ${FREE_MONTHLY_SURVEYS} surveys a month. Shopify credits the unused part of this billing period.`}
          </Text>
        </Modal.Section>
      </Modal>
    </Page>
  );
}
