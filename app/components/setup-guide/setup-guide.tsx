/**
 * Polaris setup guide for the admin home: progress, one row per step with a link to where it is done,
 * collapsible, dismissible (remembered per shop through /app/setup-guide).
 */
import { useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, Collapsible, Icon, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { CheckCircleIcon, ChevronDownIcon, ChevronUpIcon, QuestionCircleIcon } from "@shopify/polaris-icons";
import type { SetupGuideView } from "../../models/setup-guide/setup-guide.server";
import type { SetupGuide as SetupGuideModel, SetupStep } from "../../models/setup-guide/setup-guide";
import { useAdminHref, useT, type Translate } from "../../i18n";

const GUIDE_ACTION = "/app/setup-guide";

/** The model's one-line live-theme summary, worded in the admin language. */
function liveSummary(theme: SetupGuideModel["theme"], t: Translate): string {
  if (!theme.checked) {
    const reason = theme.problem ? t(`setupGuide.live.problem.${theme.problem}`, { file: theme.file ?? "" }) : theme.reason;
    return t("setupGuide.live.unchecked", { reason });
  }
  return t("setupGuide.live.summary", {
    theme: theme.themeName,
    embed: t(`setupGuide.live.embed.${theme.embed}`),
    blocks: theme.productBlocks.length === 0 ? t("setupGuide.live.noBlocks") : t("setupGuide.live.blocks", { blocks: theme.productBlocks.join(", ") }),
  });
}

function StepMarker({ step }: { step: SetupStep }) {
  const t = useT();
  if (step.status === "done") return <Icon source={CheckCircleIcon} tone="success" accessibilityLabel={t("setupGuide.done")} />;
  if (step.status === "unknown") return <Icon source={QuestionCircleIcon} tone="subdued" accessibilityLabel={t("setupGuide.couldNotCheck")} />;
  return <Box minWidth="20px" minHeight="20px" borderWidth="025" borderColor="border" borderRadius="full" />;
}

function StepRow({ step, expanded, onExpand }: { step: SetupStep; expanded: boolean; onExpand: () => void }) {
  const fetcher = useFetcher();
  const t = useT();
  const href = useAdminHref();
  const done = step.status === "done";
  const actionLabel = t(`setupGuide.steps.${step.id}.action`);
  const markStep = () =>
    fetcher.submit({ intent: "mark-step", stepId: step.id, done: String(!done) }, { method: "post", action: href(GUIDE_ACTION) });

  return (
    <Box padding="200" background={expanded ? "bg-surface-secondary" : undefined} borderRadius="200">
      <InlineStack gap="300" wrap={false} blockAlign="start">
        {/* A fixed column: Polaris icons centre themselves with auto margins and would drift in a flex row. */}
        <Box width="20px" minWidth="20px">
          <StepMarker step={step} />
        </Box>
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Button variant="plain" onClick={onExpand} ariaExpanded={expanded} textAlign="left">
              {t(`setupGuide.steps.${step.id}.title`)}
            </Button>
            {step.comingSoon ? <Badge>{t("setupGuide.comingSoon")}</Badge> : null}
            {step.status === "unknown" ? <Badge tone="attention">{t("setupGuide.couldNotCheck")}</Badge> : null}
          </InlineStack>
          {expanded ? (
            <BlockStack gap="200">
              <Text as="p" tone="subdued">
                {t(`setupGuide.steps.${step.id}.description`)}
              </Text>
              <InlineStack gap="200">
                {step.action && !done ? (
                  step.action.external ? (
                    <Button variant="primary" url={step.action.url} target="_blank">
                      {actionLabel}
                    </Button>
                  ) : (
                    <Button variant="primary" url={href(step.action.url)}>
                      {actionLabel}
                    </Button>
                  )
                ) : null}
                {step.manual ? (
                  <Button onClick={markStep} loading={fetcher.state !== "idle"}>
                    {done ? t("setupGuide.markNotDone") : t("setupGuide.markDone")}
                  </Button>
                ) : null}
              </InlineStack>
            </BlockStack>
          ) : null}
        </BlockStack>
      </InlineStack>
    </Box>
  );
}

export function SetupGuide({ guide }: { guide: SetupGuideView }) {
  const dismissFetcher = useFetcher();
  const t = useT();
  const href = useAdminHref();
  const [open, setOpen] = useState(true);
  const firstOpen = guide.dismissed ? null : (guide.steps.find((step) => step.status !== "done" && !step.comingSoon)?.id ?? null);
  const [expanded, setExpanded] = useState<string | null>(firstOpen);

  // Hidden once dismissed, including optimistically while the dismissal is being saved.
  if (guide.dismissed || dismissFetcher.state !== "idle") return null;
  const dismiss = () => dismissFetcher.submit({ intent: "dismiss" }, { method: "post", action: href(GUIDE_ACTION) });

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("setupGuide.title")}
          </Text>
          <InlineStack gap="200">
            <Button variant="tertiary" onClick={dismiss}>
              {t("setupGuide.dismiss")}
            </Button>
            <Button
              variant="tertiary"
              icon={open ? ChevronUpIcon : ChevronDownIcon}
              onClick={() => setOpen(!open)}
              ariaExpanded={open}
              ariaControls="aftercare-setup-guide-steps"
              accessibilityLabel={open ? t("setupGuide.collapse") : t("setupGuide.expand")}
            />
          </InlineStack>
        </InlineStack>
        <Text as="p" tone="subdued">
          {liveSummary(guide.theme, t)}
        </Text>
        <InlineStack gap="200" blockAlign="center" wrap={false}>
          <Text as="span" variant="bodySm">
            {t("setupGuide.progress", { completed: guide.completed, total: guide.total })}
          </Text>
          <Box width="100%">
            <ProgressBar progress={guide.total === 0 ? 100 : (guide.completed / guide.total) * 100} size="small" tone="primary" />
          </Box>
        </InlineStack>
        <Collapsible id="aftercare-setup-guide-steps" open={open}>
          <BlockStack gap="100">
            {guide.steps.map((step) => (
              <StepRow key={step.id} step={step} expanded={expanded === step.id} onExpand={() => setExpanded(step.id)} />
            ))}
          </BlockStack>
        </Collapsible>
      </BlockStack>
    </Card>
  );
}
