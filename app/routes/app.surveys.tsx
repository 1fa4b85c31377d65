import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, InlineGrid, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { ScoreTrendChart } from "../components/surveys/ScoreTrendChart";
import { AttributionCard } from "../components/surveys/AttributionCard";
import { getAttributionBreakdown } from "../models/surveys/attribution.server";
import { SurveySettingsForm } from "../components/settings/survey-settings-form";
import { useSavedToast } from "../components/settings-save-bar";
import { getShopTimeZone } from "../models/shop/time-zone.server";
import { SURVEY_KINDS } from "../models/surveys/satisfaction";
import { surveySettingsSchema } from "../models/surveys/survey";
import { closeFollowUp, getSurveyReport, getSurveySettings, saveSurveySettings } from "../models/surveys/survey.server";
import { authenticate } from "../shopify.server";
import { translatorFor, useFormat, useT, type Translate } from "../i18n";
import { z } from "zod";
import { parseIn, wholeNumberFrom } from "../i18n/zod-messages";
import type { AnswerBand } from "../models/surveys/satisfaction";

export const links = () => [{ rel: "stylesheet", href: polarisVizStyles }];

/** The settings form with its errors in the admin language, each naming the limit. */
const settingsSchemaFor = (t: Translate) =>
  surveySettingsSchema.extend({
    kind: z.enum(SURVEY_KINDS, { errorMap: () => ({ message: t("surveys.errors.kind") }) }),
    delayDays: wholeNumberFrom(0, 30, t),
  });

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [settings, timeZone] = await Promise.all([getSurveySettings(session.shop), getShopTimeZone(session.shop)]);
  const report = await getSurveyReport(session.shop, { kind: settings.kind, timeZone, period: "week" });
  return json({
    settings: { enabled: settings.enabled, kind: settings.kind, delayDays: settings.delayDays },
    attribution: await getAttributionBreakdown(session.shop),
    report: {
      score: report.summary.score,
      responses: report.responses,
      surveysSent: report.surveysSent,
      responseRate: report.responseRate,
      trend: report.trend.map((bucket) => ({ period: bucket.period, score: bucket.summary.score })),
      comments: report.comments.map((comment) => ({ ...comment, answeredAt: comment.answeredAt.toISOString() })),
      followUps: report.followUps.map((followUp) => ({ ...followUp, answeredAt: followUp.answeredAt.toISOString() })),
    },
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  if (form.get("intent") === "close-follow-up") {
    const closed = await closeFollowUp(session.shop, String(form.get("orderId") ?? ""));
    return json({ intent: "close-follow-up" as const, ok: closed, errors: {} as Record<string, string> }, { status: closed ? 200 : 404 });
  }
  const t = translatorFor(request, session);
  const parsed = parseIn(settingsSchemaFor(t), {
    enabled: form.get("enabled") === "on",
    kind: form.get("kind"),
    delayDays: form.get("delayDays"),
  }, t);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return json({ ok: false, errors }, { status: 422 });
  }
  await saveSurveySettings(session.shop, parsed.data);
  return json({ ok: true, errors: {} as Record<string, string> });
};

export default function SurveysPage() {
  const { settings, report } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const format = useFormat();
  const scoreLabel = t(`surveys.score.${settings.kind}`);
  // Marking a follow-up handled answers too; only a settings save concerns the settings form.
  const settingsResult = result && !("intent" in result) ? result : null;
  const settingsErrors: Record<string, string> = settingsResult?.errors ?? {};
  const settingsSaved = settingsResult?.ok ? settingsResult : null;
  const savingSettings = navigation.state === "submitting" && navigation.formData?.get("intent") !== "close-follow-up";
  useSavedToast(settingsSaved, t("toasts.settingsSaved"));

  return (
    <Page title={t("surveys.title")}>
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            <Card>
              <Text as="h2" variant="headingSm">{scoreLabel}</Text>
              <Text as="p" variant="heading2xl">{report.score === null ? t("common.none") : format.number(report.score, { maximumFractionDigits: 1 })}</Text>
            </Card>
            <Card>
              <Text as="h2" variant="headingSm">{t("surveys.responseRate")}</Text>
              <Text as="p" variant="heading2xl">{report.responseRate === null ? t("common.none") : format.percent(report.responseRate)}</Text>
              <Text as="p" tone="subdued">{t("surveys.responsesSent", { responses: report.responses, sent: report.surveysSent })}</Text>
            </Card>
            <Card>
              <Text as="h2" variant="headingSm">{t("surveys.followUps")}</Text>
              <Text as="p" variant="heading2xl">{format.number(report.followUps.length)}</Text>
              <Text as="p" tone="subdued">{t("surveys.followUpsWaiting")}</Text>
            </Card>
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">{t("surveys.scoreByWeek")}</Text>
              <ScoreTrendChart label={scoreLabel} points={report.trend} />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section><AttributionCard breakdown={useLoaderData<typeof loader>().attribution} /></Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">{t("surveys.followUps")}</Text>
              {report.followUps.length === 0 ? <Text as="p" tone="subdued">{t("surveys.noFollowUps")}</Text> : null}
              {report.followUps.map((followUp) => (
                <InlineStack key={followUp.orderId} align="space-between" blockAlign="center" gap="300">
                  <BlockStack gap="100">
                    <Text as="p" fontWeight="semibold">{followUp.orderName ?? followUp.orderId}: {followUp.value} ({t(`surveys.band.${followUp.band as AnswerBand}`)})</Text>
                    {followUp.comment ? <Text as="p">{followUp.comment}</Text> : null}
                  </BlockStack>
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="close-follow-up" />
                    <input type="hidden" name="orderId" value={followUp.orderId} />
                    <Button submit>{t("surveys.markHandled")}</Button>
                  </Form>
                </InlineStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">{t("surveys.comments")}</Text>
              {report.comments.length === 0 ? <Text as="p" tone="subdued">{t("surveys.noComments")}</Text> : null}
              {report.comments.map((comment) => (
                <BlockStack key={comment.orderId} gap="100">
                  <Text as="p" tone="subdued">{comment.orderName ?? comment.orderId} · {comment.value} · {format.date(comment.answeredAt)}</Text>
                  <Text as="p">{comment.comment}</Text>
                </BlockStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <SurveySettingsForm
            key={JSON.stringify(settings)}
            settings={settings}
            errors={settingsErrors}
            savedResult={settingsSaved}
            saving={savingSettings}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
