import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Text } from "@shopify/polaris";
import { useFormat, useT } from "../../i18n";

interface Props {
  canSend: boolean;
  lastSentAt: string | null;
  lastSentTo: string | null;
  result: { ok: boolean; to: string | null; error: string | null } | null;
  sending: boolean;
}

/** "Send a test email" to the store's email, with what the SMTP server answered. */
export function TestEmailCard({ canSend, lastSentAt, lastSentTo, result, sending }: Props) {
  const t = useT();
  const format = useFormat();
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="test" />
        <BlockStack gap="300">
          {result?.ok && (
            <Banner tone="success" title={t("emailSettings.testCard.sent")}>
              <p>{t("emailSettings.testCard.sentBody", { to: result.to ?? t("emailSettings.testCard.yourStoreEmail") })}</p>
            </Banner>
          )}
          {result && !result.ok && (
            <Banner tone="critical" title={t("emailSettings.testCard.failed")}>
              <p>{result.error}</p>
            </Banner>
          )}
          <Text as="p">{t("emailSettings.testCard.intro")}</Text>
          {lastSentAt && (
            <Text as="p" tone="subdued">
              {lastSentTo
                ? t("emailSettings.testCard.lastSentTo", { when: format.dateTime(lastSentAt), to: lastSentTo })
                : t("emailSettings.testCard.lastSent", { when: format.dateTime(lastSentAt) })}
            </Text>
          )}
          {!canSend && (
            <Text as="p" tone="subdued">
              {t("emailSettings.testCard.needsServer")}
            </Text>
          )}
          <div>
            <Button submit disabled={!canSend} loading={sending}>
              {t("emailSettings.testCard.send")}
            </Button>
          </div>
        </BlockStack>
      </Form>
    </Card>
  );
}
