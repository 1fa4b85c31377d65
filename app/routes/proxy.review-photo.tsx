import type { LoaderFunctionArgs } from "@remix-run/node";
import { isServablePhotoType } from "../models/reviews/photo";
import { getPublishedReviewPhoto } from "../models/reviews/photo.server";
import { authenticate } from "../shopify.server";

/**
 * GET /apps/aftercare/review-photo?id= (app proxy, signature verified): the photo of a published
 * review, as the type its bytes were checked to be. A photo never changes under its id (a new upload
 * gets a new id), so it may be cached for a year. Unknown ids, another shop's photos and photos of
 * rejected reviews are 404.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.public.appProxy(request);
  const url = new URL(request.url);
  const shop = url.searchParams.get("shop") ?? "";
  const id = url.searchParams.get("id") ?? "";
  const photo = id && id.length <= 64 ? await getPublishedReviewPhoto(shop, id) : null;
  if (!photo || !isServablePhotoType(photo.contentType)) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
  }
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.byteSize),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": "inline",
    },
  });
};
