import { useEffect } from "react";
import { PARCEL_ILLUSTRATION } from "../components/parcel-illustration";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import { BlockStack, Card, EmptyState, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { authenticate } from "../shopify.server";
import { getShopOverview } from "../models/shop-overview.server";
import { getDeliveryDashboard } from "../models/delivery-performance.server";
import { getOrderSyncProgress } from "../shopify/order-sync.server";
import { startOrderSyncJob } from "../jobs/order-sync.server";
import { AttentionOrders } from "../components/attention-orders";
import { CountryTimingChart, DeliveryStateChart, DeliveryTimingChart } from "../components/delivery-charts";
import { formatDuration } from "../components/delivery-labels";
import { SyncButton, SyncStatus } from "../components/sync-status";
import { SetupGuide } from "../components/setup-guide/setup-guide";
import { getSetupGuide } from "../models/setup-guide.server";
import { getPromiseKeptView } from "../models/promise-kept.server";
import { PromiseKeptCard } from "../components/PromiseKeptCard";
import { env } from "../env.server";

/** While a sync runs, the page refreshes its figures this often. */
const SYNC_REFRESH_MS = 2_000;

export const links = () => [{ rel: "stylesheet", href: polarisVizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const now = new Date();
  const [overview, sync, dashboard, setupGuide, promiseKept] = await Promise.all([
    getShopOverview(admin.graphql),
    getOrderSyncProgress(session.shop),
    getDeliveryDashboard(session.shop, now),
    getSetupGuide({ shop: session.shop, apiKey: env().SHOPIFY_API_KEY, graphql: admin.graphql }),
    getPromiseKeptView(session.shop, now),
  ]);
  return json({ overview, sync, dashboard, setupGuide, promiseKept, asOf: now.toISOString() });
};

/** "Sync orders now": starts (or resumes) the shop's order sync in the background. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  void startOrderSyncJob({ shop: session.shop, accessToken: session.accessToken, scope: session.scope });
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
  const { overview, sync, dashboard, setupGuide, promiseKept } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const revalidator = useRevalidator();
  const submitting = fetcher.state !== "idle";
  const running = sync.state === "running" || submitting;
  const startSync = () => fetcher.submit({}, { method: "post" });

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, SYNC_REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, revalidator]);

  const count = (state: string) => dashboard.states.find((row) => row.state === state)?.orders ?? 0;
  const delivered = count("delivered_on_time") + count("delivered_late");
  const recentWeek = [...dashboard.weeks].reverse().find((row) => row.deliver.orders > 0);
  const empty = dashboard.totalOrders === 0;

  return (
    <Page
        title={`Delivery performance · ${overview.name}`}
        subtitle={overview.myshopifyDomain}
        primaryAction={empty ? undefined : <SyncButton onSync={startSync} submitting={submitting} running={running} />}
      >
        <Layout>
          {setupGuide.dismissed ? null : <Layout.Section><SetupGuide guide={setupGuide} /></Layout.Section>}
          <Layout.Section>
            <SyncStatus sync={sync} onSync={startSync} submitting={submitting} />
          </Layout.Section>
          {empty ? (
            <Layout.Section>
              <Card>
                <EmptyState
                  heading={running ? "Your orders are on their way in" : "See how your deliveries perform"}
                  action={running ? undefined : { content: "Sync orders", onAction: startSync, loading: submitting }}
                  image={PARCEL_ILLUSTRATION}
                >
                  <p>
                    {running
                      ? "The first orders appear here as soon as they are synced."
                      : "Aftercare reads your orders and their shipments to show what is late, at risk or delivered, and how long it takes."}
                  </p>
                </EmptyState>
              </Card>
            </Layout.Section>
          ) : (
            <>
              <Layout.Section>
                <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
                  <Stat label="Orders" value={String(dashboard.totalOrders)} />
                  <Stat label="Delivered" value={String(delivered)} />
                  <Stat label="Late or at risk" value={String(dashboard.attention.total)} />
                  <Stat label="Median time to deliver" value={formatDuration(recentWeek?.deliver.medianMinutes ?? null)} />
                </InlineGrid>
              </Layout.Section>
              <Layout.Section>
                <AttentionOrders total={dashboard.attention.total} orders={dashboard.attention.orders} />
              </Layout.Section>
              <Layout.Section>
                <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                  <DeliveryStateChart states={dashboard.states} />
                  <CountryTimingChart countries={dashboard.countries} />
                </InlineGrid>
              </Layout.Section>
              <Layout.Section>
                <PromiseKeptCard promiseKept={promiseKept} />
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
