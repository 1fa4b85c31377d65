import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { ReturnActionsCard } from "../components/returns/ReturnActionsCard";
import { ReturnItemsCard, ReturnStatusCard } from "../components/returns/ReturnDetailCards";
import { useSavedToast } from "../components/settings-save-bar";
import { translatorFor, useAdminHref, useT } from "../i18n";
import {
  getReturnDetail,
  parseReturnAction,
  returnDetailView,
  returnIdFromParam,
  runReturnAction,
  type ReturnIntent,
} from "../models/returns/returns-queue.server";
import { authenticate } from "../shopify.server";

/** One Shopify return: items, reasons, exchange items, photo, the rule that applied, its steps, and the actions its state allows. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const returnId = returnIdFromParam(params.id);
  const detail = returnId ? await getReturnDetail(session.shop, admin.graphql, returnId) : null;
  if (!detail) return json({ view: null }, { status: 404 });
  return json({ view: returnDetailView(detail) });
};

interface ActionAnswer {
  ok: boolean;
  done: ReturnIntent | null;
  /** Shopify's userErrors, worded in the admin language. */
  problems: string[];
  /** Field errors of the form, by field. */
  errors: Record<string, string>;
}

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const t = translatorFor(request, session);
  const returnId = returnIdFromParam(params.id);
  if (!returnId) return json<ActionAnswer>({ ok: false, done: null, problems: [], errors: { form: t("returns.queue.errors.gone") } }, { status: 404 });
  const parsed = parseReturnAction(await request.formData(), t);
  if (!parsed.ok) return json<ActionAnswer>({ ok: false, done: null, problems: [], errors: parsed.errors }, { status: 422 });
  const outcome = await runReturnAction(session.shop, admin.graphql, returnId, parsed.action, t);
  if (outcome.ok) return json<ActionAnswer>({ ok: true, done: parsed.action.intent, problems: [], errors: {} });
  if ("invalid" in outcome) return json<ActionAnswer>({ ok: false, done: null, problems: [], errors: outcome.invalid }, { status: 422 });
  return json<ActionAnswer>(
    { ok: false, done: null, problems: outcome.errors.map((error) => t(error.key, { message: error.message })), errors: {} },
    { status: 422 },
  );
};

export default function ReturnPage() {
  const { view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const t = useT();
  const href = useAdminHref();
  useSavedToast(result?.ok && result.done ? result : null, result?.done ? t(`returns.queue.done.${result.done}`) : "");
  const back = { content: t("returns.queue.title"), url: href("/app/returns") };

  if (!view) {
    return (
      <Page title={t("returns.queue.title")} backAction={back}>
        <Banner tone="critical">
          <Text as="p">{t("returns.queue.detail.notInShopify")}</Text>
        </Banner>
      </Page>
    );
  }
  const errors = result?.errors ?? {};
  const formProblems = [...(result?.problems ?? []), ...(errors.form ? [errors.form] : [])];
  const fieldErrors = Object.entries(errors).filter(([field]) => field !== "form");

  return (
    <Page
      title={t("returns.queue.detail.title", { name: view.name })}
      subtitle={t("returns.queue.detail.order", { order: view.orderName })}
      backAction={back}
      secondaryActions={[{ content: t("returns.queue.detail.viewOrder"), url: `shopify:admin/orders/${view.orderId.split("/").pop()}`, target: "_top" }]}
    >
      <Layout>
        {formProblems.length > 0 || fieldErrors.length > 0 ? (
          <Layout.Section>
            <Banner tone="critical" title={formProblems.length > 0 ? t("returns.queue.banners.failed") : t("returns.queue.banners.invalid")}>
              <BlockStack gap="100">
                {[...formProblems, ...fieldErrors.map(([, message]) => message)].map((message) => (
                  <Text as="p" key={message}>
                    {message}
                  </Text>
                ))}
              </BlockStack>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <BlockStack gap="400">
            <ReturnItemsCard view={view} />
            <ReturnActionsCard
              key={`${view.status}:${[...view.lines, ...view.exchanges].map((line) => line.processedQuantity).join(",")}:${view.deliveries.length}`}
              view={view}
              busy={navigation.state !== "idle"}
              errors={errors}
              onSubmit={(fields) => submit(fields, { method: "post" })}
            />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <ReturnStatusCard view={view} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
