/**
 * Review photos: reading the review form (multipart with one optional photo, or the plain urlencoded
 * form), checking the photo by its bytes, storing it next to its review and finding it again to serve.
 */
import { randomUUID } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import prisma from "../../db.server";
import { stripPhotoMetadata } from "./photo-metadata";
import { checkReviewPhoto, PHOTO_EMPTY_MESSAGE, PHOTO_UNREADABLE_MESSAGE, REVIEW_FORM_MAX_BYTES, type PhotoCheck, type PhotoContentType } from "./photo";
import { readBodyCapped, readStorefrontBody } from "../storefront/body";

export interface UploadedPhoto {
  bytes: Uint8Array;
}

export type ReviewForm =
  | { ok: true; fields: Record<string, string>; photo: UploadedPhoto | null }
  | { ok: false; status: 400 | 413 | 415 | 422; message: string };

/** The text part of a review is a few kilobytes; only a multipart form may carry more (the photo). */
const TEXT_FORM_MAX_BYTES = 16 * 1024;
const TOO_LARGE = { ok: false, status: 413, message: "Your review and photo are too large together. Please choose a photo under 5 MB." } as const;

const asText = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

/**
 * Reads what the review form posts. A multipart body larger than the photo limit plus the text is
 * refused with 413 from its declared length before a byte is read, or as soon as it grows past it.
 */
export async function readReviewForm(request: Request): Promise<ReviewForm> {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.split(";")[0]?.trim().toLowerCase() !== "multipart/form-data") {
    const read = await readStorefrontBody(request, TEXT_FORM_MAX_BYTES);
    if (!read.ok) return read;
    return { ok: true, fields: Object.fromEntries(Object.entries(read.fields).map(([key, value]) => [key, asText(value)])), photo: null };
  }
  const bytes = await readBodyCapped(request, REVIEW_FORM_MAX_BYTES);
  if (!bytes) return TOO_LARGE;

  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": contentType } }).formData();
  } catch {
    return { ok: false, status: 400, message: "We could not read the form. Please try again." };
  }
  const fields: Record<string, string> = {};
  let photo: UploadedPhoto | null = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") {
      fields[key] ??= value;
    } else if (key === "photo" && photo === null) {
      // An empty file input still sends a part: no name and no bytes means "no photo".
      if (value.size === 0 && !value.name) continue;
      if (value.size === 0) return { ok: false, status: 422, message: PHOTO_EMPTY_MESSAGE };
      photo = { bytes: new Uint8Array(await value.arrayBuffer()) };
    }
  }
  return { ok: true, fields, photo };
}

export type InspectedPhoto = Exclude<PhotoCheck, { ok: true }> | { ok: true; contentType: PhotoContentType; bytes: Uint8Array };

/**
 * Checks a photo by its size and the type its bytes reveal (the declared type plays no part), and
 * returns the bytes to keep: without the EXIF, XMP and text metadata that may say where it was taken.
 */
export async function inspectReviewPhoto(photo: UploadedPhoto): Promise<InspectedPhoto> {
  const detected = photo.bytes.byteLength > 0 ? await fileTypeFromBuffer(photo.bytes) : undefined;
  const check = checkReviewPhoto(photo.bytes.byteLength, detected?.mime);
  if (!check.ok) return check;
  const bytes = stripPhotoMetadata(photo.bytes, check.contentType);
  if (!bytes) return { ok: false, status: 422, message: PHOTO_UNREADABLE_MESSAGE };
  return { ok: true, contentType: check.contentType, bytes };
}

/** Stores the review's photo, replacing an earlier one (a review has at most one). */
export async function saveReviewPhoto(
  shop: string,
  reviewId: string,
  photo: { bytes: Uint8Array; contentType: PhotoContentType },
  now = new Date(),
): Promise<{ id: string }> {
  const id = randomUUID();
  await prisma.$transaction([
    prisma.reviewPhoto.deleteMany({ where: { shop, reviewId } }),
    prisma.reviewPhoto.create({
      data: { id, shop, reviewId, contentType: photo.contentType, byteSize: photo.bytes.byteLength, bytes: Buffer.from(photo.bytes), createdAt: now },
    }),
  ]);
  return { id };
}

/** A photo of a published review of this shop, or null (unknown, another shop's, or review rejected). */
export async function getPublishedReviewPhoto(shop: string, id: string) {
  return prisma.reviewPhoto.findFirst({
    where: { id, shop, review: { shop, status: "published" } },
    select: { id: true, contentType: true, byteSize: true, bytes: true },
  });
}

/** Photo ids per review, oldest first. */
export async function listReviewPhotoIds(shop: string, reviewIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await prisma.reviewPhoto.findMany({
    where: { shop, reviewId: { in: [...reviewIds] } },
    select: { id: true, reviewId: true },
    orderBy: { createdAt: "asc" },
  });
  const byReview = new Map<string, string[]>();
  for (const row of rows) byReview.set(row.reviewId, [...(byReview.get(row.reviewId) ?? []), row.id]);
  return byReview;
}

/** Where the storefront (and the admin's thumbnails) fetch a photo: the app proxy on the shop's domain. */
export function reviewPhotoUrl(shop: string, photoId: string, proxyPrefix = "/apps/aftercare"): string {
  return `https://${shop}${proxyPrefix}/review-photo?id=${encodeURIComponent(photoId)}`;
}
