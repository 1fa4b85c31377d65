import { Badge, BlockStack, Box, Button, Card, InlineStack, Select, Text, Thumbnail } from "@shopify/polaris";
import { useState } from "react";
import { REJECT_REASON_LABELS, REJECT_REASONS, type RejectReason, type ReviewStatus } from "~/models/review";
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

const REASON_OPTIONS = REJECT_REASONS.map((reason) => ({ label: REJECT_REASON_LABELS[reason], value: reason }));

function ReviewRow({ review, busy, onReject, onPublish, onReply, onRemoveReply, replyError }: { review: ModerationReview } & Omit<ReviewModerationListProps, "reviews">) {
  const [reason, setReason] = useState<RejectReason>("spam");
  return (
    <Box paddingBlock="300" borderBlockEndWidth="025" borderColor="border">
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="span" variant="headingSm">{`${"★".repeat(review.rating)}${"☆".repeat(5 - review.rating)}`}</Text>
          <Text as="span">{review.productTitle}</Text>
          {review.verified ? <Badge tone="info">Verified buyer</Badge> : null}
          {review.status === "rejected" ? (
            <Badge tone="critical">{`Rejected: ${review.rejectReason ? REJECT_REASON_LABELS[review.rejectReason] : "no reason"}`}</Badge>
          ) : (
            <Badge tone="success">Published</Badge>
          )}
        </InlineStack>
        {review.title ? <Text as="p" fontWeight="semibold">{review.title}</Text> : null}
        <Text as="p">{review.body}</Text>
        {review.photoUrls?.length ? (
          <InlineStack gap="200">
            {review.photoUrls.map((url, index) => (
              <Thumbnail key={url} source={url} size="large" alt={`Photo ${index + 1} with the review of ${review.productTitle}`} />
            ))}
          </InlineStack>
        ) : null}
        <Text as="p" tone="subdued">{`${review.authorName ?? "A buyer"}, ${new Date(review.createdAt).toLocaleDateString("en")}`}</Text>
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
            <Select label="Reason" labelInline options={REASON_OPTIONS} value={reason} onChange={(value) => setReason(value as RejectReason)} />
            <Button tone="critical" disabled={busy} onClick={() => onReject(review.id, reason)}>Reject</Button>
          </InlineStack>
        ) : (
          <InlineStack>
            <Button disabled={busy} onClick={() => onPublish(review.id)}>Publish again</Button>
          </InlineStack>
        )}
      </BlockStack>
    </Box>
  );
}

/** The moderation list: every review is live unless rejected for what it says. */
export function ReviewModerationList({ reviews, ...actions }: ReviewModerationListProps) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">Reviews</Text>
        <Text as="p" tone="subdued">
          Every review is published, whatever its rating. Reject one only for what it says: spam, abuse, personal data, or not about the product.
        </Text>
        {reviews.length === 0 ? <Text as="p">No reviews match.</Text> : null}
        {reviews.map((review) => (
          <ReviewRow key={review.id} review={review} {...actions} />
        ))}
      </BlockStack>
    </Card>
  );
}
