import { Form, Link } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineGrid, Text, TextField } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { previewEmail, type PreviewContext } from "../../email/template-preview";
import { sampleDiscountLine } from "../../models/loyalty-email";
import { EmailPreview } from "./email-preview";

interface Props {
  settings: { enabled: boolean; discountPercent: number | null; discountDays: number };
  template: { subject: string; body: string };
  previewContext: PreviewContext;
  canCreateDiscounts: boolean;
  /** The server's clock (ISO), for the preview's sample expiry date. */
  now: string;
  result: { ok: boolean; errors: Record<string, string> } | null;
  saving: boolean;
}

/** The anniversary thank-you: on or off, an optional one-use discount, and the email it sends. */
export function LoyaltySettingsForm({ settings, template, previewContext, canCreateDiscounts, now, result, saving }: Props) {
  const [enabled, setEnabled] = useState(settings.enabled);
  const [withDiscount, setWithDiscount] = useState(settings.discountPercent !== null);
  const [percent, setPercent] = useState(String(settings.discountPercent ?? 10));
  const [days, setDays] = useState(String(settings.discountDays));
  const errors = result?.errors ?? {};

  const preview = useMemo(() => {
    const validPercent = Number.isInteger(Number(percent)) && Number(percent) >= 1 && Number(percent) <= 90 ? Number(percent) : null;
    const discountLine = withDiscount ? sampleDiscountLine(validPercent, Number(days) || 30, new Date(now)) : "";
    return previewEmail("anniversary", template, { ...previewContext, discountLine });
  }, [withDiscount, percent, days, now, template, previewContext]);

  return (
    <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
      <Card>
        <Form method="post">
          <BlockStack gap="400">
            {result && !result.ok && (
              <Banner tone="critical" title="Nothing was saved">
                <p>Fix the highlighted fields and save again.</p>
              </Banner>
            )}
            {result?.ok && <Banner tone="success" title="Loyalty settings saved" />}
            <Text as="p">
              One year after a shopper's first order, Aftercare thanks them by email, once. Only anniversaries from the day you switch this on are
              celebrated.
            </Text>
            <Checkbox label="Send a first-purchase anniversary thank-you" checked={enabled} onChange={setEnabled} />
            <input type="hidden" name="enabled" value={enabled ? "on" : "off"} />
            <Checkbox
              label="Include a discount code for the next order"
              helpText="A one-use code, only for that shopper, created in your Shopify discounts."
              checked={withDiscount}
              onChange={setWithDiscount}
            />
            <input type="hidden" name="withDiscount" value={withDiscount ? "on" : "off"} />
            {withDiscount && (
              <FormLayout>
                <FormLayout.Group>
                  <TextField label="Discount" name="discountPercent" type="number" min={1} max={90} suffix="%" value={percent} onChange={setPercent} autoComplete="off" error={errors.discountPercent} />
                  <TextField label="Valid for" name="discountDays" type="number" min={1} max={365} suffix="days" value={days} onChange={setDays} autoComplete="off" error={errors.discountDays} />
                </FormLayout.Group>
              </FormLayout>
            )}
            {withDiscount && !canCreateDiscounts && (
              <Banner tone="warning" title="Aftercare cannot create discount codes yet">
                <p>Approve the discounts access when Shopify asks for it. Until then, thank-yous that carry a code wait and are tried again each day.</p>
              </Banner>
            )}
            <Text as="p" tone="subdued">
              Change the wording in <Link to="/app/settings/templates?email=anniversary">Email templates</Link>.
            </Text>
            <div>
              <Button submit variant="primary" loading={saving}>
                Save
              </Button>
            </div>
          </BlockStack>
        </Form>
      </Card>
      <Card>
        <EmailPreview email={preview} title="The email a shopper gets" />
      </Card>
    </InlineGrid>
  );
}
