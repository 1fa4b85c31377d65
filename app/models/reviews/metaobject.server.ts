/**
 * Keeps Shopify's standard product review metaobject in step with a review: a published review is
 * upserted (handle from our review id, so writing again updates the same entry), a rejected one is
 * deleted. The standard definition is enabled the first time Shopify says the type is unknown, so a
 * shop needs no set-up step and a definition the merchant removed comes back on the next publish.
 *
 * Needs the `write_metaobjects` and `write_metaobject_definitions` scopes; Shopify grants the
 * `product_review` type to apps in its product review syndication program.
 */
import prisma from "../../db.server";
import { queryAdmin, type AdminGraphql } from "../../shopify/admin-graphql";
import { PRODUCT_REVIEW_METAOBJECT_TYPE, productReviewFields, reviewMetaobjectHandle, type SyndicatedReview } from "./metaobject";
import { listReviewPhotoIds, reviewPhotoUrl } from "./photo.server";

const ENABLE_PRODUCT_REVIEW_DEFINITION = `#graphql
  mutation ProductReviewDefinitionEnable($type: String!) {
    standardMetaobjectDefinitionEnable(type: $type) {
      metaobjectDefinition {
        id
        type
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const PRODUCT_REVIEW_UPSERT = `#graphql
  mutation ProductReviewUpsert($handle: MetaobjectHandleInput!, $metaobject: MetaobjectUpsertInput!) {
    metaobjectUpsert(handle: $handle, metaobject: $metaobject) {
      metaobject {
        id
        handle
      }
      userErrors {
        field
        message
        code
        elementKey
      }
    }
  }
`;

const PRODUCT_REVIEW_BY_HANDLE = `#graphql
  query ProductReviewByHandle($handle: MetaobjectHandleInput!) {
    metaobjectByHandle(handle: $handle) {
      id
    }
  }
`;

const PRODUCT_REVIEW_DELETE = `#graphql
  mutation ProductReviewDelete($id: ID!) {
    metaobjectDelete(id: $id) {
      deletedId
      userErrors {
        field
        message
        code
      }
    }
  }
`;

interface MetaobjectUserError {
  field: string[] | null;
  message: string;
  code: string | null;
  elementKey?: string | null;
}

export class ReviewMetaobjectError extends Error {
  constructor(public readonly userErrors: MetaobjectUserError[]) {
    super(
      `Shopify refused the product review entry: ${userErrors.map((error) => (error.elementKey ? `${error.elementKey}: ${error.message}` : error.message)).join("; ")}`,
    );
    this.name = "ReviewMetaobjectError";
  }
}

/** Enables Shopify's standard product review definition; "already enabled" counts as done. */
export async function enableProductReviewDefinition(graphql: AdminGraphql): Promise<void> {
  const data = await queryAdmin(
    graphql,
    ENABLE_PRODUCT_REVIEW_DEFINITION,
    { type: PRODUCT_REVIEW_METAOBJECT_TYPE },
  );
  const errors = (data.standardMetaobjectDefinitionEnable?.userErrors ?? []).filter((error) => error.code !== "TAKEN");
  if (errors.length > 0) throw new ReviewMetaobjectError(errors);
}

/** Writes (creates or updates) the review's entry; returns the metaobject id. */
export async function upsertReviewMetaobject(graphql: AdminGraphql, review: SyndicatedReview, publishedAt: Date): Promise<string> {
  const variables = {
    handle: { type: PRODUCT_REVIEW_METAOBJECT_TYPE, handle: reviewMetaobjectHandle(review.id) },
    metaobject: { fields: productReviewFields(review, publishedAt) },
  };
  let data = await queryAdmin(graphql, PRODUCT_REVIEW_UPSERT, variables);
  if (data.metaobjectUpsert?.userErrors.some((error) => error.code === "UNDEFINED_OBJECT_TYPE")) {
    await enableProductReviewDefinition(graphql);
    data = await queryAdmin(graphql, PRODUCT_REVIEW_UPSERT, variables);
  }
  const refused = data.metaobjectUpsert?.userErrors ?? [];
  if (refused.length > 0 && refused.every((error) => error.elementKey === "order")) {
    // The order is gone from Shopify (or out of reach): the review still stands without the link.
    const fields = variables.metaobject.fields.map((field) => (field.key === "order" ? { key: "order", value: "" } : field));
    data = await queryAdmin(graphql, PRODUCT_REVIEW_UPSERT, { ...variables, metaobject: { fields } });
  }
  const result = data.metaobjectUpsert;
  if (!result || result.userErrors.length > 0 || !result.metaobject) throw new ReviewMetaobjectError(result?.userErrors ?? []);
  return result.metaobject.id;
}

/** Removes the review's entry; true when one was there. */
export async function deleteReviewMetaobject(graphql: AdminGraphql, reviewId: string): Promise<boolean> {
  const found = await queryAdmin(graphql, PRODUCT_REVIEW_BY_HANDLE, {
    handle: { type: PRODUCT_REVIEW_METAOBJECT_TYPE, handle: reviewMetaobjectHandle(reviewId) },
  });
  if (!found.metaobjectByHandle) return false;
  const data = await queryAdmin(graphql, PRODUCT_REVIEW_DELETE, {
    id: found.metaobjectByHandle.id,
  });
  const errors = (data.metaobjectDelete?.userErrors ?? []).filter((error) => error.code !== "RECORD_NOT_FOUND");
  if (errors.length > 0) throw new ReviewMetaobjectError(errors);
  return true;
}

/** Brings the review's metaobject in line with the review as stored: written when published, gone otherwise. */
export async function syncReviewMetaobject(shop: string, graphql: AdminGraphql, reviewId: string): Promise<"written" | "deleted" | "absent"> {
  const review = await prisma.review.findFirst({ where: { shop, id: reviewId } });
  if (!review || review.status !== "published") return (await deleteReviewMetaobject(graphql, reviewId)) ? "deleted" : "absent";
  const photoIds = (await listReviewPhotoIds(shop, [review.id])).get(review.id) ?? [];
  await upsertReviewMetaobject(
    graphql,
    {
      id: review.id,
      orderId: review.orderId,
      productId: review.productId,
      rating: review.rating,
      title: review.title,
      body: review.body,
      authorName: review.authorName,
      reply: review.reply,
      repliedAt: review.repliedAt,
      createdAt: review.createdAt,
      photoUrls: photoIds.map((id) => reviewPhotoUrl(shop, id)),
    },
    // Reviews go live when they are written (never held back), so that is when they were published.
    review.createdAt,
  );
  return "written";
}
