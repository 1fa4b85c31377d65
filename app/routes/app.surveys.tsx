import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, InlineGrid, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { useState } from "react";
import { ScoreTrendChart } from "../components/surveys/ScoreTrendChart";
import { getShopTimeZone } from "../models/delay.server";
import { surveySettingsSchema } from "../models/survey";
import { closeFollowUp, getSurveyReport, getSurveySettings, saveSurveySettings } from "../models/survey.server";
import { authenticate } from "../shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisVizStyles }];

const KIND_LABELS = { csat: "CSAT: how satisfied (1–5)", nps: "NPS: how likely to recommend (0–10)", ces: "CES: how easy (1–7)" } as const;
const SCORE_LABELS = { csat: "CSAT (% satisfied)", nps: "NPS", ces: "CES (mean, 7 = very easy)" } as const;

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
  const parsed = surveySettingsSchema.safeParse({
    enabled: form.get("enabled") === "on",
    kind: form.get("kind"),
    delayDays: form.get("delayDays"),
  });
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    return json({ ok: false, errors }, { status: 422 });
  }
  await saveSurveySettings(session.shop, parsed.data);
  return json({ ok: true, errors: {} as Record<string, string> });
};

export default function SurveysPage() {
  const { settings, report } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const [enabled, setEnabled] = useState(settings.enabled);
  const [kind, setKind] = useState<string>(settings.kind);
  const [delayDays, setDelayDays] = useState(String(settings.delayDays));
  const errors: Record<string, string> = result?.errors ?? {};

  return (
    <Page title="Surveys">
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            <Card>
              <Text as="h2" variant="headingSm">{SCORE_LABELS[settings.kind]}</Text>
              <Text as="p" variant="heading2xl">{report.score ?? "–"}</Text>
            </Card>
            <Card>
              <Text as="h2" variant="headingSm">Response rate</Text>
              <Text as="p" variant="heading2xl">{report.responseRate === null ? "–" : `${report.responseRate}%`}</Text>
              <Text as="p" tone="subdued">{report.responses} answers, {report.surveysSent} surveys emailed (180 days)</Text>
            </Card>
            <Card>
              <Text as="h2" variant="headingSm">Follow-ups</Text>
              <Text as="p" variant="heading2xl">{report.followUps.length}</Text>
              <Text as="p" tone="subdued">Unhappy answers waiting for you</Text>
            </Card>
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">Score by week</Text>
              <ScoreTrendChart label={SCORE_LABELS[settings.kind]} points={report.trend} />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">Follow-ups</Text>
              {report.followUps.length === 0 ? <Text as="p" tone="subdued">Nobody is waiting for an answer.</Text> : null}
              {report.followUps.map((followUp) => (
                <InlineStack key={followUp.orderId} align="space-between" blockAlign="center" gap="300">
                  <BlockStack gap="100">
                    <Text as="p" fontWeight="semibold">{followUp.orderName ?? followUp.orderId}: {followUp.value} ({followUp.band})</Text>
                    {followUp.comment ? <Text as="p">{followUp.comment}</Text> : null}
                  </BlockStack>
                  <Form method="post">
                    <input type="hidden" name="intent" value="close-follow-up" />
                    <input type="hidden" name="orderId" value={followUp.orderId} />
                    <Button submit>Mark as handled</Button>
                  </Form>
                </InlineStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">Comments</Text>
              {report.comments.length === 0 ? <Text as="p" tone="subdued">No comments yet.</Text> : null}
              {report.comments.map((comment) => (
                <BlockStack key={comment.orderId} gap="100">
                  <Text as="p" tone="subdued">{comment.orderName ?? comment.orderId} · {comment.value} · {comment.answeredAt.slice(0, 10)}</Text>
                  <Text as="p">{comment.comment}</Text>
                </BlockStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <Form method="post">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">Survey settings</Text>
                <Checkbox label="Send a survey after delivery" checked={enabled} onChange={setEnabled} />
                <input type="hidden" name="enabled" value={enabled ? "on" : "off"} />
                <Select
                  label="Question"
                  name="kind"
                  options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
                  value={kind}
                  onChange={setKind}
                  error={errors.kind}
                />
                <TextField
                  label="Days after delivery"
                  name="delayDays"
                  type="number"
                  min={0}
                  max={30}
                  autoComplete="off"
                  value={delayDays}
                  onChange={setDelayDays}
                  error={errors.delayDays}
                />
                <Button submit variant="primary" loading={saving}>Save</Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
