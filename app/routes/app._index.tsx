import { PARCEL_ILLUSTRATION } from "../components/parcel-illustration";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, EmptyState, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { authenticate } from "../shopify.server";
import { getShopOverview } from "../models/delivery/shop-overview.server";
import { getDeliveryDashboard } from "../models/delivery/performance.server";
import { getOrderSyncProgress } from "../shopify/order-sync.server";
import { beginOrderSyncJob } from "../jobs/order-sync.server";
import { AttentionOrders } from "../components/delivery/attention-orders";
import { getDelayNoticeStates } from "../models/delays/notice-status.server";
import { CountryTimingChart, DeliveryStateChart, DeliveryTimingChart } from "../components/delivery/delivery-charts";
import { durationLabel } from "../components/delivery/delivery-labels";
import { useAdminHref, useFormat, useT } from "../i18n";
import { SyncButton, SyncStatus, useLiveSyncProgress } from "../components/orders/sync-status";
import { SetupGuide } from "../components/setup-guide/setup-guide";
import { getSetupGuide } from "../models/setup-guide/setup-guide.server";
import { getPromiseKeptView } from "../models/delivery/promise-kept.server";
import { PromiseKeptCard } from "../components/delivery/PromiseKeptCard";
import { env } from "../env.server";
import { PlanLimitBanner } from "../components/billing/plan-limit-banner";
import { getPlanLimitNotice } from "../models/billing/usage.server";
import { getOrderLookupReadiness } from "../models/orders/lookup-readiness.server";
import { parseHomeAction } from "../models/delivery/attention-actions";
import { attentionResponseStatus, runAttentionAction } from "../models/delivery/attention-actions.server";
import { useAttentionActions } from "../components/delivery/attention-actions";

export const links = () => [{ rel: "stylesheet", href: polarisVizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const now = new Date();
  const [overview, sync, dashboard, setupGuide, promiseKept, planLimits, delayNotices, orderLookups] = await Promise.all([
    getShopOverview(admin.graphql),
    getOrderSyncProgress(session.shop),
    getDeliveryDashboard(session.shop, now),
    getSetupGuide({ shop: session.shop, apiKey: env().SHOPIFY_API_KEY, graphql: admin.graphql }),
    getPromiseKeptView(session.shop, now),
    getPlanLimitNotice(session.shop, now),
    getDelayNoticeStates(session.shop, now),
    getOrderLookupReadiness(session.shop),
  ]);
  return json({ overview, sync, dashboard, setupGuide, promiseKept, planLimits, delayNotices, orderLookups, asOf: now.toISOString() });
};

/**
 * "Sync orders now" (no intent): starts (or resumes) the shop's order sync in the background.
 * `intent` notify / handled / reopen with an `orderId`: the at-risk list's actions on that order.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = request.headers.get("content-type")?.includes("form") ? await request.formData() : null;
  const parsed = parseHomeAction(form);
  if (parsed.kind === "invalid") return json({ ok: false as const, intent: null, orderId: null, error: "invalid" as const }, { status: 400 });
  if (parsed.kind === "attention") {
    const result = await runAttentionAction(session.shop, parsed.intent, parsed.orderId);
    return json(result, { status: attentionResponseStatus(result) });
  }
  await beginOrderSyncJob({ shop: session.shop, accessToken: session.accessToken, scope: session.scope });
  return json({ started: true });
};

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="headingLg">
          {value}
        </Text>
      </BlockStack>
    </Card>
  );
}

export default function DeliveryDashboardPage() {
  const { overview, sync: loadedSync, dashboard, setupGuide, promiseKept, planLimits, delayNotices, orderLookups } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useAdminHref();
  const format = useFormat();
  const fetcher = useFetcher<typeof action>();
  const attentionActions = useAttentionActions();
  const submitting = fetcher.state !== "idle";
  const sync = useLiveSyncProgress(loadedSync, submitting);
  const running = sync.state === "running" || submitting;
  const startSync = () => fetcher.submit({}, { method: "post" });

  const count = (state: string) => dashboard.states.find((row) => row.state === state)?.orders ?? 0;
  const delivered = count("delivered_on_time") + count("delivered_late");
  const recentWeek = [...dashboard.weeks].reverse().find((row) => row.deliver.orders > 0);
  const empty = dashboard.totalOrders === 0;

  return (
    <Page
        title={t("home.title", { shop: overview.name })}
        subtitle={overview.myshopifyDomain}
        primaryAction={empty ? undefined : <SyncButton onSync={startSync} submitting={submitting} running={running} />}
      >
        <Layout>
          {planLimits.waiting.length > 0 && (
            <Layout.Section>
              <PlanLimitBanner usage={planLimits.waiting} nextMonthStarts={planLimits.nextMonthStarts} upgrade={{ url: href("/app/plans") }} />
            </Layout.Section>
          )}
          {setupGuide.dismissed ? null : <Layout.Section><SetupGuide guide={setupGuide} /></Layout.Section>}
          <Layout.Section>
            <SyncStatus sync={sync} onSync={startSync} submitting={submitting} />
          </Layout.Section>
          {orderLookups.available ? null : (
            <Layout.Section>
              <Banner tone="warning" title={t("sync.lookupsTitle")}>
                <p>{t("sync.lookupsBody", { orders: format.number(orderLookups.orders) })}</p>
              </Banner>
            </Layout.Section>
          )}
          {empty ? (
            <Layout.Section>
              <Card>
                <EmptyState
                  heading={running ? t("home.emptyHeadingRunning") : t("home.emptyHeading")}
                  action={running ? undefined : { content: t("home.emptyAction"), onAction: startSync, loading: submitting }}
                  image={PARCEL_ILLUSTRATION}
                >
                  <p>
                    {running ? t("home.emptyBodyRunning") : t("home.emptyBody")}
                  </p>
                </EmptyState>
              </Card>
            </Layout.Section>
          ) : (
            <>
              <Layout.Section>
                <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
                  <Stat label={t("home.stats.orders")} value={format.number(dashboard.totalOrders)} />
                  <Stat label={t("home.stats.delivered")} value={format.number(delivered)} />
                  <Stat label={t("home.stats.attention")} value={format.number(dashboard.attention.total)} />
                  <Stat
                    label={t("home.stats.medianDeliver")}
                    value={durationLabel(recentWeek?.deliver.medianMinutes ?? null, t, format)}
                  />
                </InlineGrid>
              </Layout.Section>
              <Layout.Section>
                <AttentionOrders
                  total={dashboard.attention.total}
                  orders={dashboard.attention.orders}
                  handled={dashboard.handled}
                  notices={delayNotices}
                  actions={attentionActions}
                />
              </Layout.Section>
              <Layout.Section>
                <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                  <DeliveryStateChart states={dashboard.states} />
                  <CountryTimingChart countries={dashboard.countries} />
                </InlineGrid>
              </Layout.Section>
              <Layout.Section>
                <PromiseKeptCard promiseKept={promiseKept} shippingUrl={href("/app/shipping")} />
              </Layout.Section>
              <Layout.Section>
                <DeliveryTimingChart weeks={dashboard.weeks} />
              </Layout.Section>
            </>
          )}
        </Layout>
    </Page>
  );
}
