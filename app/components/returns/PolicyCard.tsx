import { Banner, BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
import { useT } from "~/i18n";
import { useMemo } from "react";
import { comparePolicyText } from "~/models/returns/policy-comparison";
import type { RefundPolicy } from "~/models/returns/settings.server";
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
  const t = useT();
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
            {t("returns.policy.title")}
          </Text>
          <Button variant="plain" loading={reloading} onClick={onReload}>
            {t("returns.policy.importAgain")}
          </Button>
        </InlineStack>
        {policy.status === "no_access" && (
          <Banner tone="warning" title={t("returns.policy.noAccessTitle")}>
            <p>{t("returns.policy.noAccess", { message: policy.message })}</p>
          </Banner>
        )}
        {policy.status === "missing" && (
          <Banner tone="info" title={t("returns.policy.missingTitle")} action={{ content: t("returns.policy.writeOne"), url: POLICIES_SETTINGS }}>
            <p>{t("returns.policy.missing")}</p>
          </Banner>
        )}
        {policy.status === "found" && !parsed.ok && (
          <Text as="p" tone="subdued">
            {t("returns.policy.fixFields")}
          </Text>
        )}
        {policy.status === "found" && parsed.ok && disagreements.length === 0 && (
          <Banner tone="success" title={t("returns.policy.agreesTitle")}>
            <p>{t("returns.policy.agrees")}</p>
          </Banner>
        )}
        {disagreements.length > 0 && (
          <Banner
            tone="warning"
            title={t("returns.policy.differences", { count: disagreements.length })}
            action={{ content: t("returns.policy.edit"), url: POLICIES_SETTINGS }}
          >
            <p>{t("returns.policy.differencesHelp")}</p>
          </Banner>
        )}
        {disagreements.map((disagreement) => {
          const adopted = adoptFromPolicy(draft, disagreement);
          return (
            <BlockStack gap="200" key={`${disagreement.topic}:${disagreement.excerpt}`}>
              <Text as="p">{describeDisagreement(disagreement, t)}</Text>
              <List>
                <List.Item>
                  <Text as="span" tone="subdued">
                    “{disagreement.excerpt}”
                  </Text>
                </List.Item>
              </List>
              {adopted && (
                <InlineStack>
                  <Button onClick={() => onChange(adopted)}>{t("returns.policy.usePolicy")}</Button>
                </InlineStack>
              )}
            </BlockStack>
          );
        })}
      </BlockStack>
    </Card>
  );
}
