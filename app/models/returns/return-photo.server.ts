/**
 * The one optional photo a shopper attaches to a return request from the storefront. Checked as a
 * review photo is (reviews/photo.ts: type from the bytes, JPEG/PNG/WebP, 5 MB, metadata stripped),
 * stored next to Aftercare's copy of the return (ReturnPhoto), and shown to the merchant only,
 * through the admin (app.returns.photo.$id). The copy's photoRef names it as `aftercare-photo:<id>`.
 */
import { randomUUID } from "node:crypto";
import prisma from "../../db.server";
import type { PhotoContentType } from "../reviews/photo";

const REF_PREFIX = "aftercare-photo:";

export const returnPhotoRef = (id: string) => `${REF_PREFIX}${id}`;

/** The stored photo's id when photoRef names one of Aftercare's photos, else null. */
export function returnPhotoIdOf(photoRef: string | null | undefined): string | null {
  return photoRef?.startsWith(REF_PREFIX) ? photoRef.slice(REF_PREFIX.length) || null : null;
}

/** Where the merchant's return page loads the photo (an authenticated admin route). */
export const returnPhotoUrl = (id: string) => `/app/returns/photo/${encodeURIComponent(id)}`;

/** Stores the photo with the return's copy and points the copy's photoRef at it. */
export async function saveReturnPhoto(
  shop: string,
  returnRequestId: string,
  photo: { bytes: Uint8Array; contentType: PhotoContentType },
  now = new Date(),
): Promise<{ id: string; photoRef: string }> {
  const id = randomUUID();
  const photoRef = returnPhotoRef(id);
  await prisma.$transaction([
    prisma.returnPhoto.deleteMany({ where: { shop, returnRequestId } }),
    prisma.returnPhoto.create({
      data: { id, shop, returnRequestId, contentType: photo.contentType, byteSize: photo.bytes.byteLength, bytes: Buffer.from(photo.bytes), createdAt: now },
    }),
    prisma.returnRequest.update({ where: { id: returnRequestId }, data: { photoRef } }),
  ]);
  return { id, photoRef };
}

/** A return photo of this shop, or null (unknown id or another shop's). */
export async function getReturnPhoto(shop: string, id: string) {
  return prisma.returnPhoto.findFirst({ where: { id, shop }, select: { id: true, contentType: true, byteSize: true, bytes: true } });
}
