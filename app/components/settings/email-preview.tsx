import { BlockStack, Box, Text } from "@shopify/polaris";
import type { RenderedEmail } from "../../email/render";
import { useT } from "../../i18n";

/** An email as the shopper's inbox shows it: the subject, then the HTML in a sandboxed frame. */
export function EmailPreview({ email, title: givenTitle }: { email: RenderedEmail; title?: string }) {
  const t = useT();
  const title = givenTitle ?? t("templates.preview");
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      <Text as="p">
        <Text as="span" tone="subdued">
          {t("templates.previewSubject")}{" "}
        </Text>
        {email.subject}
      </Text>
      <Box borderColor="border" borderWidth="025" borderRadius="200" overflowX="hidden" overflowY="hidden">
        <iframe title={`${title}: ${email.subject}`} sandbox="" srcDoc={email.html} style={{ width: "100%", height: 420, border: 0, display: "block" }} />
      </Box>
    </BlockStack>
  );
}
