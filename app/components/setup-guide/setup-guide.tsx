/**
 * Polaris setup guide for the admin home: progress, one row per step with a link to where it is done,
 * collapsible, dismissible (remembered per shop through /app/setup-guide).
 */
import { useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, Collapsible, Icon, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { CheckCircleIcon, ChevronDownIcon, ChevronUpIcon, QuestionCircleIcon } from "@shopify/polaris-icons";
import type { SetupGuideView } from "../../models/setup-guide.server";
import type { SetupStep } from "../../models/setup-guide";

const GUIDE_ACTION = "/app/setup-guide";

function StepMarker({ step }: { step: SetupStep }) {
  if (step.status === "done") return <Icon source={CheckCircleIcon} tone="success" accessibilityLabel="Done" />;
  if (step.status === "unknown") return <Icon source={QuestionCircleIcon} tone="subdued" accessibilityLabel="Could not check" />;
  return <Box minWidth="20px" minHeight="20px" borderWidth="025" borderColor="border" borderRadius="full" />;
}

function StepRow({ step, expanded, onExpand }: { step: SetupStep; expanded: boolean; onExpand: () => void }) {
  const fetcher = useFetcher();
  const done = step.status === "done";
  const markStep = () =>
    fetcher.submit({ intent: "mark-step", stepId: step.id, done: String(!done) }, { method: "post", action: GUIDE_ACTION });

  return (
    <Box padding="200" background={expanded ? "bg-surface-secondary" : undefined} borderRadius="200">
      <InlineStack gap="300" wrap={false} blockAlign="start">
        <StepMarker step={step} />
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Button variant="plain" onClick={onExpand} ariaExpanded={expanded} textAlign="left">
              {step.title}
            </Button>
            {step.comingSoon ? <Badge>Coming soon</Badge> : null}
            {step.status === "unknown" ? <Badge tone="attention">Could not check</Badge> : null}
          </InlineStack>
          {expanded ? (
            <BlockStack gap="200">
              <Text as="p" tone="subdued">
                {step.description}
              </Text>
              <InlineStack gap="200">
                {step.action && !done ? (
                  step.action.external ? (
                    <Button variant="primary" url={step.action.url} target="_blank">
                      {step.action.label}
                    </Button>
                  ) : (
                    <Button variant="primary" url={step.action.url}>
                      {step.action.label}
                    </Button>
                  )
                ) : null}
                {step.manual ? (
                  <Button onClick={markStep} loading={fetcher.state !== "idle"}>
                    {done ? "Mark as not done" : "Mark as done"}
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
  const [open, setOpen] = useState(true);
  const firstOpen = guide.dismissed ? null : (guide.steps.find((step) => step.status !== "done" && !step.comingSoon)?.id ?? null);
  const [expanded, setExpanded] = useState<string | null>(firstOpen);

  // Hidden once dismissed, including optimistically while the dismissal is being saved.
  if (guide.dismissed || dismissFetcher.state !== "idle") return null;
  const dismiss = () => dismissFetcher.submit({ intent: "dismiss" }, { method: "post", action: GUIDE_ACTION });

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Setup guide
          </Text>
          <InlineStack gap="200">
            <Button variant="tertiary" onClick={dismiss}>
              Dismiss
            </Button>
            <Button
              variant="tertiary"
              icon={open ? ChevronUpIcon : ChevronDownIcon}
              onClick={() => setOpen(!open)}
              ariaExpanded={open}
              ariaControls="aftercare-setup-guide-steps"
              accessibilityLabel={open ? "Collapse setup guide" : "Expand setup guide"}
            />
          </InlineStack>
        </InlineStack>
        <Text as="p" tone="subdued">
          {guide.liveSummary}
        </Text>
        <InlineStack gap="200" blockAlign="center" wrap={false}>
          <Text as="span" variant="bodySm">
            {`${guide.completed} of ${guide.total} tasks complete`}
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
