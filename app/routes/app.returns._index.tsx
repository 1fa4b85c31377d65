import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { ReturnInsight } from "../components/returns/ReturnInsight";
import { ReturnQueueCard } from "../components/returns/ReturnQueueCard";
import { useAdminHref, useT } from "../i18n";
import { parseInsightPeriod } from "../models/returns/returns-insight";
import { getReturnsInsight, isReturnStatus, listReturnQueue, parseQueuePage } from "../models/returns/returns-queue.server";
import { authenticate } from "../shopify.server";

/** Admin -> Returns: the queue of Shopify returns and what comes back; the rules are at /app/returns/rules. */
export const links = () => [{ rel: "stylesheet", href: polarisVizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const requested = url.searchParams.get("status");
  const status = isReturnStatus(requested) ? requested : undefined;
  const days = parseInsightPeriod(url.searchParams.get("days"));
  const page = parseQueuePage(url.searchParams.get("page"));
  const [queue, insight] = await Promise.all([listReturnQueue(session.shop, { status, page }), getReturnsInsight(session.shop, { days })]);
  return json({ status: status ?? "", days, queue, insight });
};

export default function ReturnsQueuePage() {
  const { status, days, queue, insight } = useLoaderData<typeof loader>();
  const [, setSearchParams] = useSearchParams();
  const t = useT();
  const href = useAdminHref();
  const setParam = (name: "status" | "days" | "page", value: string) =>
    setSearchParams((params) => {
      if (value) params.set(name, value);
      else params.delete(name);
      // Another filter starts the list again from its first page.
      if (name === "status") params.delete("page");
      return params;
    });

  return (
    <Page title={t("returns.queue.title")} subtitle={t("returns.queue.subtitle")} secondaryActions={[{ content: t("returns.queue.rulesLink"), url: href("/app/returns/rules") }]}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="600">
            <ReturnQueueCard
              queue={queue}
              status={status}
              onStatusChange={(value) => setParam("status", value)}
              onPageChange={(page) => setParam("page", page > 1 ? String(page) : "")}
            />
            <ReturnInsight insight={insight} days={days} onDaysChange={(value) => setParam("days", value)} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
