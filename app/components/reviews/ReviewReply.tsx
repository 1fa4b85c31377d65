import { BlockStack, Box, Button, InlineStack, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useT } from "~/i18n";

export interface ReviewReplyProps {
  reviewId: string;
  reply: string | null;
  busy: boolean;
  error?: string;
  onSave: (reply: string) => void;
  onRemove: () => void;
}

/** The shop's public reply under a review: shown as text, written, edited or removed in place. */
export function ReviewReply({ reviewId, reply, busy, error, onSave, onRemove }: ReviewReplyProps) {
  const t = useT();
  const [editing, setEditing] = useState(Boolean(error));
  const [draft, setDraft] = useState(reply ?? "");
  // A reply sent from this editor: once its save has come back without an error, the editor closes.
  const [sent, setSent] = useState<"no" | "sending" | "saving">("no");
  useEffect(() => {
    if (sent === "sending" && busy) setSent("saving");
    if (sent === "saving" && !busy) {
      setSent("no");
      if (!error) setEditing(false);
    }
  }, [sent, busy, error]);

  if (!editing && !error) {
    return reply ? (
      <Box padding="300" background="bg-surface-secondary" borderRadius="200">
        <BlockStack gap="100">
          <Text as="p" variant="headingXs">{t("reviews.reply.yours")}</Text>
          <Text as="p">{reply}</Text>
          <InlineStack gap="200">
            <Button variant="plain" disabled={busy} onClick={() => { setDraft(reply); setEditing(true); }}>{t("reviews.reply.edit")}</Button>
            <Button variant="plain" tone="critical" disabled={busy} onClick={onRemove}>{t("reviews.reply.remove")}</Button>
          </InlineStack>
        </BlockStack>
      </Box>
    ) : (
      <InlineStack>
        <Button variant="plain" disabled={busy} onClick={() => setEditing(true)}>{t("reviews.reply.start")}</Button>
      </InlineStack>
    );
  }
  return (
    <BlockStack gap="200">
      <TextField
        id={`review-reply-${reviewId}`}
        label={t("reviews.reply.label")}
        helpText={t("reviews.reply.help")}
        value={draft}
        onChange={setDraft}
        multiline={3}
        showCharacterCount
        autoComplete="off"
        error={error}
      />
      <InlineStack gap="200">
        <Button variant="primary" loading={busy} onClick={() => { setSent("sending"); onSave(draft); }}>{t("reviews.reply.save")}</Button>
        <Button disabled={busy} onClick={() => { setDraft(reply ?? ""); setEditing(false); }}>{t("reviews.reply.cancel")}</Button>
      </InlineStack>
    </BlockStack>
  );
}
