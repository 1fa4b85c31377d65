import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, InlineGrid, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { useState } from "react";
import { ScoreTrendChart } from "../components/surveys/ScoreTrendChart";
import { getShopTimeZone } from "../models/delay.server";
import { SURVEY_KINDS } from "../models/satisfaction";
import { surveySettingsSchema } from "../models/survey";
import { closeFollowUp, getSurveyReport, getSurveySettings, saveSurveySettings } from "../models/survey.server";
import { authenticate } from "../shopify.server";
import { translatorFor, useFormat, useT, type Translate } from "../i18n";
import { z } from "zod";
import { parseIn, wholeNumberFrom } from "../i18n/zod-messages";
import type { AnswerBand } from "../models/satisfaction";

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
    return json({ ok: closed, errors: {} as Record<string, string> }, { status: closed ? 200 : 404 });
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
  const saving = useNavigation().state === "submitting";
  const t = useT();
  const format = useFormat();
  const scoreLabel = t(`surveys.score.${settings.kind}`);
  const [enabled, setEnabled] = useState(settings.enabled);
  const [kind, setKind] = useState<string>(settings.kind);
  const [delayDays, setDelayDays] = useState(String(settings.delayDays));
  const errors: Record<string, string> = result?.errors ?? {};

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
          <Card>
            <Form method="post" noValidate>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">{t("surveys.settings")}</Text>
                <Checkbox label={t("surveys.enabled")} checked={enabled} onChange={setEnabled} />
                <input type="hidden" name="enabled" value={enabled ? "on" : "off"} />
                <Select
                  label={t("surveys.question")}
                  name="kind"
                  options={SURVEY_KINDS.map((value) => ({ value, label: t(`surveys.kind.${value}`) }))}
                  value={kind}
                  onChange={setKind}
                  error={errors.kind}
                />
                <TextField
                  label={t("surveys.delayDays")}
                  name="delayDays"
                  type="number"
                  autoComplete="off"
                  value={delayDays}
                  onChange={setDelayDays}
                  error={errors.delayDays}
                />
                <Button submit variant="primary" loading={saving}>{t("common.save")}</Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
