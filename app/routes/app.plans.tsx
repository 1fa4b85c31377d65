import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, InlineGrid, InlineStack, Layout, List, Modal, Page, ProgressBar, Text } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { PlanLimitBanner } from "../components/billing/plan-limit-banner";
import { env } from "../env.server";
import { translatorFor, useFormat, useT, type Format } from "../i18n";
import { cancelGrowthPlan, checkShopPlan, plansReturnUrl, requestGrowthPlan } from "../models/billing/billing.server";
import { getBillingOverview } from "../models/billing/usage.server";
import { percentUsed, type MeteredUsage } from "../models/billing/plan-limits";
import { releaseHeldMessages } from "../models/billing/plan-upgrade.server";
import { FREE_MONTHLY_REVIEW_REQUESTS, FREE_MONTHLY_SURVEYS, GROWTH_PRICE, GROWTH_TRIAL_DAYS, PLANS } from "../models/billing/plans";
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
  const t = translatorFor(request, session);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false, error: t("plans.errors.unknownAction") }, { status: 400 });

  if (parsed.data.intent === "upgrade") {
    // Throws the redirect to Shopify's approval page, out of the admin iframe.
    return requestGrowthPlan(billing, plansReturnUrl(session.shop, env().SHOPIFY_API_KEY));
  }
  const plan = await checkShopPlan(session.shop, billing);
  if (!plan.subscriptionId) return json({ ok: false, error: t("plans.errors.nothingToCancel") }, { status: 409 });
  await cancelGrowthPlan(session.shop, billing, plan.subscriptionId);
  return json({ ok: true, error: null });
};

/** "$9.99 USD" where the symbol alone is ambiguous, "US$ 9,99" where the locale already names the currency. */
function priceLabel(format: Format, amount: number, currencyCode: string): string {
  const money = format.money(amount, currencyCode);
  return money.includes(currencyCode.slice(0, 2)) ? money : `${money} ${currencyCode}`;
}

function UsageRow({ usage }: { usage: MeteredUsage }) {
  const t = useT();
  const format = useFormat();
  const title = t(`plans.usage.${usage.kind}`);
  return (
    <BlockStack gap="200">
      <InlineStack align="space-between">
        <Text as="h3" variant="headingSm" id={`usage-${usage.kind}`}>
          {title}
        </Text>
        <Text as="span" tone="subdued">
          {usage.limit === null ? t("plans.usage.unlimited", { used: usage.used }) : t("plans.usage.ofLimit", { used: usage.used, limit: usage.limit })}
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
  const t = useT();
  const format = useFormat();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const pendingIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const upgrade = () => submit({ intent: "upgrade" }, { method: "post" });
  const cancel = () => {
    setConfirmingCancel(false);
    submit({ intent: "cancel" }, { method: "post" });
  };
  const onGrowth = plan.key === "growth";
  const releasedCount = released ? released.reviewRequests + released.surveys : 0;
  const planTitle = plan.key === "free" ? t("plans.names.free") : plan.title;

  return (
    <Page title={t("plans.title")} subtitle={t("plans.subtitle")}>
      <Layout>
        {approval === "approved" && (
          <Layout.Section>
            <Banner tone="success" title={t("plans.approvedTitle")}>
              <p>{releasedCount > 0 ? t("plans.released", { count: releasedCount }) : t("plans.unlimitedNow")}</p>
            </Banner>
          </Layout.Section>
        )}
        {approval === "declined" && (
          <Layout.Section>
            <Banner tone="info" title={t("plans.declinedTitle")}>
              <p>{t("plans.declinedBody")}</p>
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
                  {t("plans.currentPlan", { plan: planTitle })}
                </Text>
                {plan.test && <Badge tone="info">{t("plans.testCharge")}</Badge>}
                {onGrowth && plan.trialDays ? <Badge tone="success">{t("plans.trialBadge", { days: plan.trialDays })}</Badge> : null}
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
                  {t("plans.names.free")}
                </Text>
                <Text as="p" variant="headingLg">
                  {format.money(0, GROWTH_PRICE.currencyCode)}
                </Text>
                <List>
                  <List.Item>{t("plans.free.reviewRequests", { count: FREE_MONTHLY_REVIEW_REQUESTS })}</List.Item>
                  <List.Item>{t("plans.free.surveys", { count: FREE_MONTHLY_SURVEYS })}</List.Item>
                  <List.Item>{t("plans.free.overLimit")}</List.Item>
                </List>
                <Box>{!onGrowth && <Badge>{t("plans.currentBadge")}</Badge>}</Box>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {PLANS.growth.title}
                </Text>
                <Text as="p" variant="headingLg">
                  {t("plans.growth.price", { price: priceLabel(format, GROWTH_PRICE.amount, GROWTH_PRICE.currencyCode) })}
                </Text>
                <List>
                  <List.Item>{t("plans.growth.unlimited")}</List.Item>
                  <List.Item>{t("plans.growth.trial", { days: GROWTH_TRIAL_DAYS })}</List.Item>
                </List>
                <Box>
                  {onGrowth ? (
                    <Button tone="critical" variant="plain" onClick={() => setConfirmingCancel(true)} loading={pendingIntent === "cancel"}>
                      {t("plans.cancel")}
                    </Button>
                  ) : (
                    <Button variant="primary" onClick={upgrade} loading={pendingIntent === "upgrade"}>
                      {t("plans.upgrade")}
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
        title={t("plans.cancelTitle")}
        primaryAction={{ content: t("plans.cancel"), destructive: true, onAction: cancel }}
        secondaryActions={[{ content: t("plans.keep"), onAction: () => setConfirmingCancel(false) }]}
      >
        <Modal.Section>
          <Text as="p">
            {t("plans.cancelBody", { reviewRequests: FREE_MONTHLY_REVIEW_REQUESTS, surveys: FREE_MONTHLY_SURVEYS })}
          </Text>
        </Modal.Section>
      </Modal>
    </Page>
  );
}
