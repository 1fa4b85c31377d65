import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Text } from "@shopify/polaris";

interface Props {
  canSend: boolean;
  lastSentAt: string | null;
  lastSentTo: string | null;
  result: { ok: boolean; to: string | null; error: string | null } | null;
  sending: boolean;
}

const when = (iso: string) => new Date(iso).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });

/** "Send a test email" to the store's email, with what the SMTP server answered. */
export function TestEmailCard({ canSend, lastSentAt, lastSentTo, result, sending }: Props) {
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="test" />
        <BlockStack gap="300">
          {result?.ok && (
            <Banner tone="success" title="Test email sent">
              <p>Your server accepted it for {result.to ?? "your store's email"}. Check that inbox (and its spam folder).</p>
            </Banner>
          )}
          {result && !result.ok && (
            <Banner tone="critical" title="The test email could not be sent">
              <p>{result.error}</p>
            </Banner>
          )}
          <Text as="p">Sends a short email through the saved settings to your store's email address.</Text>
          {lastSentAt && (
            <Text as="p" tone="subdued">
              Last test email sent {when(lastSentAt)}
              {lastSentTo ? ` to ${lastSentTo}` : ""}.
            </Text>
          )}
          {!canSend && (
            <Text as="p" tone="subdued">
              Save a sending server and a sender address first.
            </Text>
          )}
          <div>
            <Button submit disabled={!canSend} loading={sending}>
              Send a test email
            </Button>
          </div>
        </BlockStack>
      </Form>
    </Card>
  );
}
