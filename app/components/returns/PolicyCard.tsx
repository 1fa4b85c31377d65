import { Banner, BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
import { useMemo } from "react";
import { comparePolicyText } from "~/models/policy-comparison";
import type { RefundPolicy } from "~/models/return-settings.server";
import { adoptFromPolicy, parseReturnDraft, type ReturnDraft } from "./return-form";
import { describeDisagreement } from "./return-preview";

export interface PolicyCardProps {
  policy: RefundPolicy;
  draft: ReturnDraft;
  onChange: (draft: ReturnDraft) => void;
  reloading: boolean;
  onReload: () => void;
}

/** Shopify admin's Settings > Policies, where the merchant edits the refund policy. */
const POLICIES_SETTINGS = "shopify://admin/settings/legal";

/**
 * The shop's refund policy (Settings > Policies) next to the rules being edited: where they disagree,
 * the merchant either adopts the policy's value or changes the policy. Compared live as the form changes.
 */
export function PolicyCard({ policy, draft, onChange, reloading, onReload }: PolicyCardProps) {
  const parsed = useMemo(() => parseReturnDraft(draft), [draft]);
  const disagreements = useMemo(
    () => (policy.status === "found" && parsed.ok ? comparePolicyText(policy.body, parsed.rules) : []),
    [policy, parsed],
  );

  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Your refund policy
          </Text>
          <Button variant="plain" loading={reloading} onClick={onReload}>
            Import again
          </Button>
        </InlineStack>
        {policy.status === "no_access" && (
          <Banner tone="warning" title="Aftercare cannot read your policies">
            <p>Allow Aftercare to read your store policies to compare them with these rules: {policy.message}</p>
          </Banner>
        )}
        {policy.status === "missing" && (
          <Banner tone="info" title="Your store has no refund policy yet" action={{ content: "Write one", url: POLICIES_SETTINGS }}>
            <p>Shoppers see your refund policy at checkout. Write one that matches these rules.</p>
          </Banner>
        )}
        {policy.status === "found" && !parsed.ok && (
          <Text as="p" tone="subdued">
            Fix the highlighted fields to compare your rules with the refund policy.
          </Text>
        )}
        {policy.status === "found" && parsed.ok && disagreements.length === 0 && (
          <Banner tone="success" title="Your refund policy agrees with these rules">
            <p>Nothing in the policy contradicts the window, fees or settlement you set here.</p>
          </Banner>
        )}
        {disagreements.length > 0 && (
          <Banner
            tone="warning"
            title={disagreements.length === 1 ? "1 difference with your refund policy" : `${disagreements.length} differences with your refund policy`}
            action={{ content: "Edit the refund policy", url: POLICIES_SETTINGS }}
          >
            <p>Shoppers read the policy and the storefront blocks: make them say the same thing. You decide which one changes.</p>
          </Banner>
        )}
        {disagreements.map((disagreement) => {
          const adopted = adoptFromPolicy(draft, disagreement);
          return (
            <BlockStack gap="200" key={`${disagreement.topic}:${disagreement.excerpt}`}>
              <Text as="p">{describeDisagreement(disagreement)}</Text>
              <List>
                <List.Item>
                  <Text as="span" tone="subdued">
                    “{disagreement.excerpt}”
                  </Text>
                </List.Item>
              </List>
              {adopted && (
                <InlineStack>
                  <Button onClick={() => onChange(adopted)}>Use the policy's value</Button>
                </InlineStack>
              )}
            </BlockStack>
          );
        })}
      </BlockStack>
    </Card>
  );
}
