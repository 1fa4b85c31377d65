import { Badge, BlockStack, Box, Button, Card, InlineStack, Select, Text, Thumbnail } from "@shopify/polaris";
import { useState } from "react";
import { useFormat, useT } from "~/i18n";
import { REJECT_REASONS, type RejectReason, type ReviewStatus } from "~/models/reviews/review";
import { ReviewReply } from "./ReviewReply";

export interface ModerationReview {
  id: string;
  productTitle: string;
  rating: number;
  title: string;
  body: string;
  authorName: string | null;
  verified: boolean;
  status: ReviewStatus;
  rejectReason: RejectReason | null;
  createdAt: string;
  /** The shop's public reply, if any. */
  reply?: string | null;
  /** Where the review's photos can be seen (served only while the review is published). */
  photoUrls?: readonly string[];
}

export interface ReviewModerationListProps {
  reviews: readonly ModerationReview[];
  busy: boolean;
  onReject: (id: string, reason: RejectReason) => void;
  onPublish: (id: string) => void;
  /** Saves the public reply (the text as typed; the server validates it). */
  onReply?: (id: string, reply: string) => void;
  onRemoveReply?: (id: string) => void;
  /** A refused reply, shown on that review's reply field. */
  replyError?: { id: string; message: string } | null;
}

function ReviewRow({ review, busy, onReject, onPublish, onReply, onRemoveReply, replyError }: { review: ModerationReview } & Omit<ReviewModerationListProps, "reviews">) {
  const t = useT();
  const format = useFormat();
  const [reason, setReason] = useState<RejectReason>("spam");
  const reasonOptions = REJECT_REASONS.map((value) => ({ label: t(`reviews.rejectReasons.${value}`), value }));
  return (
    <Box paddingBlock="300" borderBlockEndWidth="025" borderColor="border">
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <span role="img" aria-label={t("reviews.moderation.stars", { rating: review.rating })}>
            <Text as="span" variant="headingSm">{`${"★".repeat(review.rating)}${"☆".repeat(5 - review.rating)}`}</Text>
          </span>
          <Text as="span">{review.productTitle}</Text>
          {review.verified ? <Badge tone="info">{t("reviews.moderation.verifiedBuyer")}</Badge> : null}
          {review.status === "rejected" ? (
            <Badge tone="critical">
              {t("reviews.moderation.rejectedBecause", {
                reason: review.rejectReason ? t(`reviews.rejectReasons.${review.rejectReason}`) : t("reviews.moderation.noReason"),
              })}
            </Badge>
          ) : (
            <Badge tone="success">{t("reviews.moderation.published")}</Badge>
          )}
        </InlineStack>
        {review.title ? <Text as="p" fontWeight="semibold">{review.title}</Text> : null}
        <Text as="p">{review.body}</Text>
        {review.photoUrls?.length ? (
          <InlineStack gap="200">
            {review.photoUrls.map((url, index) => (
              <Thumbnail key={url} source={url} size="large" alt={t("reviews.moderation.photoAlt", { number: index + 1, product: review.productTitle })} />
            ))}
          </InlineStack>
        ) : null}
        <Text as="p" tone="subdued">{`${review.authorName ?? t("reviews.moderation.aBuyer")}, ${format.date(review.createdAt)}`}</Text>
        {onReply && onRemoveReply ? (
          <ReviewReply
            reviewId={review.id}
            reply={review.reply ?? null}
            busy={busy}
            error={replyError?.id === review.id ? replyError.message : undefined}
            onSave={(text) => onReply(review.id, text)}
            onRemove={() => onRemoveReply(review.id)}
          />
        ) : null}
        {review.status === "published" ? (
          <InlineStack gap="200" blockAlign="end">
            <Select label={t("reviews.moderation.reason")} labelInline options={reasonOptions} value={reason} onChange={(value) => setReason(value as RejectReason)} />
            <Button tone="critical" disabled={busy} onClick={() => onReject(review.id, reason)}>{t("reviews.moderation.reject")}</Button>
          </InlineStack>
        ) : (
          <InlineStack>
            <Button disabled={busy} onClick={() => onPublish(review.id)}>{t("reviews.moderation.publishAgain")}</Button>
          </InlineStack>
        )}
      </BlockStack>
    </Box>
  );
}

/** The moderation list: every review is live unless rejected for what it says. */
export function ReviewModerationList({ reviews, ...actions }: ReviewModerationListProps) {
  const t = useT();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">{t("reviews.moderation.title")}</Text>
        <Text as="p" tone="subdued">{t("reviews.moderation.description")}</Text>
        {reviews.length === 0 ? <Text as="p">{t("reviews.moderation.empty")}</Text> : null}
        {reviews.map((review) => (
          <ReviewRow key={review.id} review={review} {...actions} />
        ))}
      </BlockStack>
    </Card>
  );
}
